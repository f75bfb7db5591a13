/* Aborts in a static constructor, i.e. inside dlopen: only ever loaded through the child probe. */
#include <erpc/abi.h>

#include <stdlib.h>

__attribute__((constructor)) static void crash_on_load(void) { abort(); }

ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "constructor_abort",
    NULL, NULL, NULL};
