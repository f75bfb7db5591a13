/* Prints the offset and size of every field of ABI 1.0, one per line. Built twice: against the
 * frozen copy of the released abi.h (sdk/tests/abi/frozen/v1.0) and against today's header. The
 * test compares the two outputs, so a released field can never move or change size (structs
 * may only grow at the end). The field list is frozen with the release: do not add to it. */
#include <erpc/abi.h>

#include <stddef.h>
#include <stdio.h>

#define FIELD(type, field) \
  printf("%s.%s %zu %zu\n", #type, #field, offsetof(type, field), sizeof(((type*)0)->field))

int main(void) {
  printf("ERPC_ABI_MAJOR %u\n", (unsigned)ERPC_ABI_MAJOR);
  printf("ERPC_ADAPTER_ENTRY_SYMBOL %s\n", ERPC_ADAPTER_ENTRY_SYMBOL);
  FIELD(erpc_error_v1, struct_size);
  FIELD(erpc_error_v1, error_class);
  FIELD(erpc_error_v1, effect);
  FIELD(erpc_error_v1, reserved0);
  FIELD(erpc_error_v1, retry_after_ms);
  FIELD(erpc_error_v1, code);
  FIELD(erpc_error_v1, message);
  FIELD(erpc_error_v1, detail_json);
  FIELD(erpc_error_v1, detail_json_len);
  FIELD(erpc_call_v1, struct_size);
  FIELD(erpc_call_v1, reserved0);
  FIELD(erpc_call_v1, deadline_unix_ms);
  FIELD(erpc_call_v1, correlation_id);
  FIELD(erpc_call_v1, traceparent);
  FIELD(erpc_call_v1, respond);
  FIELD(erpc_call_v1, fail);
  FIELD(erpc_call_v1, is_cancelled);
  FIELD(erpc_call_v1, host_data);
  FIELD(erpc_host_v1, struct_size);
  FIELD(erpc_host_v1, abi_major);
  FIELD(erpc_host_v1, abi_minor);
  FIELD(erpc_host_v1, reserved0);
  FIELD(erpc_host_v1, host_name);
  FIELD(erpc_host_v1, host_version);
  FIELD(erpc_host_v1, get_service);
  FIELD(erpc_host_v1, host_data);
  FIELD(erpc_host_log_v1, struct_size);
  FIELD(erpc_host_log_v1, log);
  FIELD(erpc_host_log_v1, host_data);
  FIELD(erpc_host_secrets_v1, struct_size);
  FIELD(erpc_host_secrets_v1, resolve);
  FIELD(erpc_host_secrets_v1, host_data);
  FIELD(erpc_host_clock_v1, struct_size);
  FIELD(erpc_host_clock_v1, now_unix_ms);
  FIELD(erpc_host_clock_v1, monotonic_ns);
  FIELD(erpc_host_clock_v1, host_data);
  FIELD(erpc_http_header_v1, name);
  FIELD(erpc_http_header_v1, value);
  FIELD(erpc_http_request_v1, struct_size);
  FIELD(erpc_http_request_v1, method);
  FIELD(erpc_http_request_v1, url);
  FIELD(erpc_http_request_v1, headers);
  FIELD(erpc_http_request_v1, header_count);
  FIELD(erpc_http_request_v1, body);
  FIELD(erpc_http_request_v1, body_len);
  FIELD(erpc_http_request_v1, timeout_ms);
  FIELD(erpc_http_response_v1, struct_size);
  FIELD(erpc_http_response_v1, transport);
  FIELD(erpc_http_response_v1, request_sent);
  FIELD(erpc_http_response_v1, status);
  FIELD(erpc_http_response_v1, headers);
  FIELD(erpc_http_response_v1, header_count);
  FIELD(erpc_http_response_v1, body);
  FIELD(erpc_http_response_v1, body_len);
  FIELD(erpc_http_response_v1, transport_message);
  FIELD(erpc_host_http_v1, struct_size);
  FIELD(erpc_host_http_v1, send);
  FIELD(erpc_host_http_v1, host_data);
  FIELD(erpc_host_files_v1, struct_size);
  FIELD(erpc_host_files_v1, read);
  FIELD(erpc_host_files_v1, write);
  FIELD(erpc_host_files_v1, list);
  FIELD(erpc_host_files_v1, host_data);
  FIELD(erpc_adapter_v1, struct_size);
  FIELD(erpc_adapter_v1, manifest_json);
  FIELD(erpc_adapter_v1, check);
  FIELD(erpc_adapter_v1, open);
  FIELD(erpc_adapter_v1, close);
  FIELD(erpc_adapter_v1, execute);
  FIELD(erpc_adapter_v1, get_capability);
  FIELD(erpc_adapter_entry_v1, struct_size);
  FIELD(erpc_adapter_entry_v1, abi_major);
  FIELD(erpc_adapter_entry_v1, abi_minor);
  FIELD(erpc_adapter_entry_v1, reserved0);
  FIELD(erpc_adapter_entry_v1, adapter_id);
  FIELD(erpc_adapter_entry_v1, init);
  FIELD(erpc_adapter_entry_v1, deinit);
  FIELD(erpc_adapter_entry_v1, get_adapter);
  return 0;
}
