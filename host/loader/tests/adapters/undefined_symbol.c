/* Refers to a function nothing defines. Built as a plain MODULE without --no-undefined, as a
 * careless build would; with lazy binding it would load and kill the host at the first call
 * (toolchain.md pitfall 7), so the loader must refuse it at load time. */
#include <erpc/abi.h>

extern int32_t erpc_test_symbol_nobody_defines(void);

static int32_t init(const erpc_host_v1* host) {
  (void)host;
  return erpc_test_symbol_nobody_defines();
}
static void deinit(void) {}
static const erpc_adapter_v1* get_adapter(void) { return NULL; }

ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "undefined_symbol",
    init, deinit, get_adapter};
