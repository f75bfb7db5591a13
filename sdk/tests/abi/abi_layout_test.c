/* abi.h compiles as strict C11 (-std=c11 -pedantic -Werror) and its v1 layouts on x86-64 Linux
 * are pinned: a change here is an ABI break, not an edit (docs/abi.md). */
#include <erpc/abi.h>

#include <stddef.h>

#define PIN_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " size changed")

PIN_SIZE(erpc_error_v1, 56);
PIN_SIZE(erpc_call_v1, 64);
PIN_SIZE(erpc_host_v1, 48);
PIN_SIZE(erpc_host_log_v1, 24);
PIN_SIZE(erpc_host_secrets_v1, 24);
PIN_SIZE(erpc_host_clock_v1, 32);
PIN_SIZE(erpc_http_header_v1, 16);
PIN_SIZE(erpc_http_request_v1, 64);
PIN_SIZE(erpc_http_response_v1, 56);
PIN_SIZE(erpc_host_http_v1, 24);
PIN_SIZE(erpc_host_files_v1, 40);
PIN_SIZE(erpc_adapter_v1, 56);
PIN_SIZE(erpc_adapter_entry_v1, 48);

/* Every struct that crosses starts with its size (abi.h rule 1). */
_Static_assert(offsetof(erpc_error_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_call_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_host_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_adapter_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_adapter_entry_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_http_request_v1, struct_size) == 0, "struct_size first");
_Static_assert(offsetof(erpc_http_response_v1, struct_size) == 0, "struct_size first");

/* The entry's version fields are where a host of any version will look for them. */
_Static_assert(offsetof(erpc_adapter_entry_v1, abi_major) == 4, "abi_major at 4");
_Static_assert(offsetof(erpc_adapter_entry_v1, abi_minor) == 8, "abi_minor at 8");

_Static_assert(ERPC_ERROR_CLASS_MAX == ERPC_ERROR_INTERNAL, "class max is the last class");

int main(void) { return 0; }
