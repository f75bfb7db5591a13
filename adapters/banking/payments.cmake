# Payments out and their status (BANKING.md "Payments out (pain.001) and their status
# (pain.002)"): the pain.001 writer, SEPA rules and the TARGET calendar, the pain.002 reader and
# the status transition. Included from CMakeLists.txt; docs/bank-payments.md.
add_library(erpc_banking_payments STATIC
  src/pain001_batch.cpp
  src/pain001_identifiers.cpp
  src/pain001_writer.cpp
  src/sepa_text.cpp
  src/sepa_target_calendar.cpp
  src/pain002_reader.cpp
  src/pain002_status_transition.cpp)
add_library(erpc::banking_payments ALIAS erpc_banking_payments)
set_target_properties(erpc_banking_payments PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(erpc_banking_payments
  PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
  PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
target_link_libraries(erpc_banking_payments
  PUBLIC erpc_banking erpc::sdk nlohmann_json::nlohmann_json
  PRIVATE erpc_host_json LibXml2::LibXml2)

if(ERPC_BUILD_TESTS)
  erpc_add_test(erpc_banking_payment_tests
    SOURCES
      tests/sepa_rules_test.cpp
      tests/pain001_writer_test.cpp
      tests/pain001_sepa_rules_test.cpp
      tests/pain002_reader_test.cpp
      tests/pain002_hostile_test.cpp
    LINK erpc_banking_payments erpc_host_contract LibXml2::LibXml2
    LABELS banking)
  target_include_directories(erpc_banking_payment_tests PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}/tests)
  target_compile_definitions(erpc_banking_payment_tests PRIVATE
    ERPC_PAYMENT_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/tests/data")
endif()
