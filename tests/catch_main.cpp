// The one Catch2 main shared by every test executable (compiling it costs ~40 s per TU).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
