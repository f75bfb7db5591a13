# erpc_add_test(<name> SOURCES <src>... [LINK <targets>...] [LABELS <labels>...])
#
# One Catch2 test executable per module, linked with the shared Catch main object; every test
# case is registered with CTest (catch_discover_tests) and gets a 120 s timeout (ARCHITECTURE §12).
function(erpc_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} $<TARGET_OBJECTS:erpc_catch_main>)
  target_link_libraries(${name} PRIVATE Catch2::Catch2 ${ARG_LINK})
  target_compile_definitions(${name} PRIVATE
    ERPC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ERPC_BINARY_DIR="${PROJECT_BINARY_DIR}"
    ERPC_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  if(ERPC_SANITIZE)
    target_compile_definitions(${name} PRIVATE ERPC_SANITIZED=1)
  endif()
  set(properties TIMEOUT 120)
  if(ARG_LABELS)
    list(APPEND properties LABELS "${ARG_LABELS}")
  endif()
  catch_discover_tests(${name} TEST_PREFIX "${name}:" PROPERTIES ${properties})
endfunction()
