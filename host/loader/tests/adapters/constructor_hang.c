/* Never returns from its static constructor: only ever loaded through the child probe. */
#include <erpc/abi.h>

#include <unistd.h>

__attribute__((constructor)) static void hang_on_load(void) {
  for (;;) pause();
}

ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "constructor_hang",
    NULL, NULL, NULL};
