# Runs `erpc certify` on one adapter library for a list of checks and asserts each check's
# result in certification.json (the CI half of conformance/mutants/README.md).
#
#   cmake -DERPC=<erpc> -DADAPTER=<lib.so> -DPROFILE=<conformance.json> -DLEVEL=<level>
#         -DCHECKS=<id,id...> -DEXPECT=failed|passed -DREPORT=<dir> -P certify_mutant.cmake
#
# EXPECT=failed: certify must exit 1 (a check failed; not 2 = usage, not a crash) and every
# named check must be "failed". EXPECT=passed: certify must exit 0 and every named check
# must be "passed".
foreach(var ERPC ADAPTER PROFILE LEVEL CHECKS EXPECT REPORT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "certify_mutant.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXPECT MATCHES "^(failed|passed)$")
  message(FATAL_ERROR "certify_mutant.cmake: EXPECT must be failed or passed, not ${EXPECT}")
endif()

string(REPLACE "," ";" CHECKS "${CHECKS}")
file(REMOVE_RECURSE "${REPORT}")
file(MAKE_DIRECTORY "${REPORT}")
set(args certify --adapter "${ADAPTER}" --profile "${PROFILE}" --level "${LEVEL}"
         --report "${REPORT}")
foreach(check IN LISTS CHECKS)
  list(APPEND args --check "${check}")
endforeach()
execute_process(COMMAND "${ERPC}" ${args}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 110)
message("${out}")
if(NOT err STREQUAL "")
  message("stderr:\n${err}")
endif()

set(report_file "${REPORT}/certification.json")
if(NOT EXISTS "${report_file}")
  message(FATAL_ERROR "erpc certify exited '${rc}' and wrote no ${report_file}")
endif()
file(READ "${report_file}" report)
string(JSON format ERROR_VARIABLE json_error GET "${report}" format)
if(json_error OR NOT format STREQUAL "erpc-certification/1")
  message(FATAL_ERROR "${report_file} is not an erpc-certification/1 report: ${json_error}")
endif()
string(JSON count LENGTH "${report}" checks)
# A check certified once per value of an unconfirmed simulator setting appears as
# "<id>[setting=value]": EXPECT=failed needs one of them failed, EXPECT=passed all passed.
set(problems "")
foreach(check IN LISTS CHECKS)
  set(seen "")
  set(wanted "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON id GET "${report}" checks ${i} id)
      string(FIND "${id}" "${check}[" suffixed)
      if(NOT id STREQUAL check AND NOT suffixed EQUAL 0)
        continue()
      endif()
      string(JSON result GET "${report}" checks ${i} result)
      string(JSON evidence ERROR_VARIABLE no_evidence GET "${report}" checks ${i} evidence)
      string(REPLACE ";" "," evidence "${evidence}")  # a CMake list separator otherwise
      list(APPEND seen "${id}: ${result} (evidence: ${evidence})")
      if(result STREQUAL EXPECT)
        list(APPEND wanted "${id}")
      endif()
    endforeach()
  endif()
  list(LENGTH seen seen_count)
  list(LENGTH wanted wanted_count)
  list(JOIN seen "\n    " seen_text)
  if(seen_count EQUAL 0)
    list(APPEND problems "${check}: not in the report")
  elseif((EXPECT STREQUAL "failed" AND wanted_count EQUAL 0) OR
         (EXPECT STREQUAL "passed" AND NOT wanted_count EQUAL seen_count))
    list(APPEND problems "${check}: expected ${EXPECT}, got\n    ${seen_text}")
  else()
    message("${check}: ${EXPECT} as expected\n    ${seen_text}")
  endif()
endforeach()
if(EXPECT STREQUAL "failed")
  set(want_rc 1)
else()
  set(want_rc 0)
endif()
if(NOT rc STREQUAL "${want_rc}")
  list(APPEND problems
       "erpc certify exited '${rc}', expected ${want_rc} (1: a check failed, 0: all passed, 2: usage, else: it crashed)")
endif()
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "${report_file}:\n  ${text}")
endif()
