# erpc_add_fuzz_target(<name> SOURCES <src>... [LINK <targets>...] [INCLUDE_DIRS <dir>...]
#                       [CORPUS <dir>])
#
# A fuzz target is one file defining `extern "C" int LLVMFuzzerTestOneInput(const uint8_t*,
# size_t)`. It is built two ways:
#   - ERPC_FUZZ=ON (the `fuzz` preset, clang-14): `fuzz_<name>`, a libFuzzer binary with
#     ASan + UBSan. Run it as `fuzz_<name> -max_total_time=30 <scratch-dir> <corpus-dir>`.
#   - ERPC_BUILD_TESTS=ON (any compiler, CI): `fuzz_replay_<name>`, the same source linked with
#     fuzz/replay_main.cpp, and a CTest test `fuzz_replay.<name>` that feeds it every file of the
#     committed corpus (default fuzz/corpus/<name>/), so CI replays the corpus without clang.
#
# With ERPC_FUZZ=ON the whole tree is compiled with -fsanitize=fuzzer-no-link (set below, so it
# must be included before any target is created) to give libFuzzer coverage of the libraries.

if(ERPC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ERPC_FUZZ needs clang (use the `fuzz` preset, clang-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  set(ERPC_FUZZ_SECONDS 15 CACHE STRING "How long each fuzz_run.<name> test mutates")
  # `cmake --build --preset fuzz` builds only the fuzz targets and what they link.
  add_custom_target(erpc_fuzz_targets)
  enable_testing()
endif()

function(erpc_add_fuzz_target name)
  cmake_parse_arguments(ARG "" "CORPUS" "SOURCES;LINK;INCLUDE_DIRS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "erpc_add_fuzz_target(${name}): SOURCES is required")
  endif()
  if(NOT ARG_CORPUS)
    set(ARG_CORPUS ${PROJECT_SOURCE_DIR}/fuzz/corpus/${name})
  endif()

  if(ERPC_FUZZ)
    add_executable(fuzz_${name} ${ARG_SOURCES})
    target_link_libraries(fuzz_${name} PRIVATE ${ARG_LINK})
    target_include_directories(fuzz_${name} PRIVATE ${ARG_INCLUDE_DIRS})
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    add_dependencies(erpc_fuzz_targets fuzz_${name})
    # The bounded run CI does (`ctest --preset fuzz`): ERPC_FUZZ_SECONDS of mutation from the
    # committed seeds. New inputs go to a scratch folder in the build tree, never into the
    # committed corpus; a crash fails the test and leaves crash-<sha1> in the build folder.
    set(scratch ${PROJECT_BINARY_DIR}/fuzz/scratch/${name})
    file(MAKE_DIRECTORY ${scratch})
    add_test(NAME fuzz_run.${name}
             COMMAND fuzz_${name} -max_total_time=${ERPC_FUZZ_SECONDS} -timeout=10
                     -rss_limit_mb=2048 -print_final_stats=1
                     -artifact_prefix=${PROJECT_BINARY_DIR}/fuzz/ ${scratch} ${ARG_CORPUS})
    math(EXPR run_timeout "${ERPC_FUZZ_SECONDS} + 60")
    set_tests_properties(fuzz_run.${name} PROPERTIES TIMEOUT ${run_timeout} LABELS fuzz_run)
  endif()

  if(ERPC_BUILD_TESTS)
    if(NOT TARGET erpc_fuzz_replay_main)
      add_library(erpc_fuzz_replay_main OBJECT ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
    endif()
    add_executable(fuzz_replay_${name} ${ARG_SOURCES} $<TARGET_OBJECTS:erpc_fuzz_replay_main>)
    target_link_libraries(fuzz_replay_${name} PRIVATE ${ARG_LINK})
    target_include_directories(fuzz_replay_${name} PRIVATE ${ARG_INCLUDE_DIRS})
    add_test(NAME fuzz_replay.${name} COMMAND fuzz_replay_${name} ${ARG_CORPUS})
    set_tests_properties(fuzz_replay.${name} PROPERTIES TIMEOUT 120 LABELS fuzz)
  endif()
endfunction()
