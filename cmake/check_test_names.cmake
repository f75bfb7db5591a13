# Fails when a Catch2 test case name contains ';' (run: cmake -DSOURCE_DIR=<repo> -P this file).
# catch_discover_tests registers each test case as a CTest test by name, and CMake splits names
# at ';' as list separators: the halves then match no test case, "pass" with nothing run, and the
# real test never runs in CI. Catch2 itself accepts ';', so only this check can catch it.
file(GLOB_RECURSE sources LIST_DIRECTORIES false
     "${SOURCE_DIR}/host/*.cpp" "${SOURCE_DIR}/sdk/*.cpp" "${SOURCE_DIR}/adapters/*.cpp"
     "${SOURCE_DIR}/conformance/*.cpp" "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/fuzz/*.cpp")
set(ws "[ \t\r\n]*")
set(found "")
foreach(source IN LISTS sources)
  file(READ "${source}" text)
  # TEST_CASE / SCENARIO, then its name as one or more adjacent string literals, one with a ';'.
  string(REGEX MATCH "(TEST_CASE|SCENARIO)\\(${ws}(\"[^\"]*\"${ws})*\"[^\"]*;" hit "${text}")
  if(hit)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${source}")
    string(APPEND found "\n  ${relative}")
  endif()
endforeach()
if(found)
  message(FATAL_ERROR "test case names with ';' (CTest splits them, so they never run):${found}")
endif()
list(LENGTH sources count)
message(STATUS "${count} sources checked: no test case name contains ';'")
