#include <erpc/host/host_table.hpp>

#include <catch2/catch.hpp>

#include <cstring>

TEST_CASE("host_table fills erpc_host_v1 and looks services up by id", "[host_table]") {
  erpc::host_table host;
  const erpc_host_v1* table = host.get();
  CHECK(table->struct_size == sizeof(erpc_host_v1));
  CHECK(table->abi_major == ERPC_ABI_MAJOR);
  CHECK(table->abi_minor == ERPC_ABI_MINOR);
  CHECK(std::strcmp(table->host_name, "erpc") == 0);
  CHECK(std::strcmp(table->host_version, ERPC_TEST_PROJECT_VERSION) == 0);

  CHECK(table->get_service(table, "erpc.host.log/1") == nullptr);
  static const int log_service = 1;
  static const int other = 2;
  host.register_service("erpc.host.log/1", &log_service);
  CHECK(table->get_service(table, "erpc.host.log/1") == &log_service);
  CHECK(table->get_service(table, "erpc.host.log/2") == nullptr);
  host.register_service("erpc.host.log/1", &other);
  CHECK(table->get_service(table, "erpc.host.log/1") == &other);
  // Adapters may pass anything: a NULL id or a foreign table is answered with NULL.
  CHECK(table->get_service(table, nullptr) == nullptr);
  erpc_host_v1 foreign = *table;
  foreign.host_data = nullptr;
  CHECK(table->get_service(&foreign, "erpc.host.log/1") == nullptr);
}
