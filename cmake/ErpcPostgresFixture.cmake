# One throwaway PostgreSQL cluster per CTest run (ARCHITECTURE §12, docs/store.md).
#
# CTest runs postgres.start before and postgres.stop after every test that requires the fixture
# `erpc_postgres`; such a test finds the libpq conninfo in the file named by the environment
# variable ERPC_TEST_PG_CONNINFO_FILE.
#
#   erpc_require_postgres(<test executable target made by erpc_add_test>)
#
# gives every Catch test case of that executable the fixture and the variable. The cases are
# only known at build time (catch_discover_tests), so the properties are set by a CTest include
# file read after the discovered list.
include_guard(GLOBAL)

set(ERPC_PG_TEST_CLUSTER_DIR ${PROJECT_BINARY_DIR}/pg_test_cluster)
set(ERPC_PG_TEST_CONNINFO_FILE ${ERPC_PG_TEST_CLUSTER_DIR}/conninfo)

add_test(NAME postgres.start
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg_test_cluster.sh start ${ERPC_PG_TEST_CLUSTER_DIR})
add_test(NAME postgres.stop
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg_test_cluster.sh stop ${ERPC_PG_TEST_CLUSTER_DIR})
set_tests_properties(postgres.start PROPERTIES FIXTURES_SETUP erpc_postgres TIMEOUT 120
  LABELS postgres)
set_tests_properties(postgres.stop PROPERTIES FIXTURES_CLEANUP erpc_postgres TIMEOUT 120
  LABELS postgres)

function(erpc_require_postgres target)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_postgres_fixture.cmake)
  file(WRITE ${include_file}
    "if(${target}_TESTS)\n"
    "  set_tests_properties(\${${target}_TESTS} PROPERTIES\n"
    "    FIXTURES_REQUIRED erpc_postgres\n"
    "    ENVIRONMENT \"ERPC_TEST_PG_CONNINFO_FILE=${ERPC_PG_TEST_CONNINFO_FILE}\")\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
