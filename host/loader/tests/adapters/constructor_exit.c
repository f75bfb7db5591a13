/* Calls exit(3) in a static constructor: only ever loaded through the child probe. */
#include <erpc/abi.h>

#include <stdlib.h>

__attribute__((constructor)) static void exit_on_load(void) { exit(3); }

ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "constructor_exit",
    NULL, NULL, NULL};
