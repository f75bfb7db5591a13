/* A test-only host service through which test adapters report what the host called, so tests
 * can prove that nothing was called in a library the loader refused. */
#ifndef ERPC_TEST_COUNTER_H
#define ERPC_TEST_COUNTER_H

#include <erpc/abi.h>

#define ERPC_TEST_COUNTER_V1 "erpc.test.counter/1"

typedef struct erpc_test_counter_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* event: "init", "deinit", "get_adapter", "manifest", "execute" */
  void (*bump)(const struct erpc_test_counter_v1* self, const char* adapter_id, const char* event);
  void* host_data;
} erpc_test_counter_v1;

#endif
