# Fails when any field of the released ABI moved or changed size in today's header.
execute_process(COMMAND ${RELEASED} OUTPUT_VARIABLE released RESULT_VARIABLE r1)
execute_process(COMMAND ${CURRENT} OUTPUT_VARIABLE current RESULT_VARIABLE r2)
if(NOT r1 EQUAL 0 OR NOT r2 EQUAL 0)
  message(FATAL_ERROR "layout dump failed")
endif()
if(NOT released STREQUAL current)
  message(FATAL_ERROR "ABI break: the released v1.0 layout differs from today's header\n"
                      "released:\n${released}\ncurrent:\n${current}")
endif()
message(STATUS "released v1.0 layout is unchanged in today's header")
