/* An adapter built against the frozen ABI 1.0 header, committed prebuilt in prebuilt/. Every
 * later host must still load and call it (docs/abi.md, "Compatibility promise"). Plain C, so its
 * binary depends on nothing but libc. Rebuild only with build_prebuilt.sh, and never after the
 * release: the point is that the binary stays as it was. */
#include "erpc/abi.h"

#include <string.h>

static const erpc_host_v1* g_host;
static int g_connection;

static const char manifest[] =
    "{\"id\":\"frozen_hello_v1_0\",\"name\":\"Frozen ABI 1.0 adapter\",\"vendor\":\"erpconnect\","
    "\"version\":\"1.0.0\",\"status\":\"stable\",\"mapping_version\":\"1\","
    "\"contract\":{\"min\":\"1.0\",\"max\":\"1.0\"},\"objects\":{\"TaxCode\":[\"get\"]},"
    "\"capabilities\":[],\"config_schema\":{\"type\":\"object\"}}";

static const char* manifest_json(void) { return manifest; }

static void check(const char* config, size_t len, const erpc_call_v1* call) {
  (void)config;
  (void)len;
  call->respond(call, "{\"ok\":true}", 11);
}

static erpc_connection* open_connection(const char* config, size_t len,
                                        const erpc_call_v1* call) {
  (void)config;
  (void)len;
  (void)call;
  return (erpc_connection*)&g_connection;
}

static void close_connection(erpc_connection* connection) { (void)connection; }

static void execute(erpc_connection* connection, const char* request, size_t len,
                    const erpc_call_v1* call) {
  static const char answer[] =
      "{\"status\":\"ok\",\"replayed\":false,\"result\":{\"external_refs\":{},"
      "\"source\":{\"system\":\"frozen\",\"id\":\"DE19\"},\"code\":\"DE19\","
      "\"kind\":\"purchase\",\"rate_percent\":\"19\"}}";
  const erpc_host_log_v1* log;
  (void)request;
  (void)len;
  if (connection != (erpc_connection*)&g_connection) {
    erpc_error_v1 e;
    memset(&e, 0, sizeof e);
    e.struct_size = sizeof e;
    e.error_class = ERPC_ERROR_INTERNAL;
    e.effect = ERPC_EFFECT_NONE;
    e.retry_after_ms = ERPC_NO_RETRY_AFTER;
    e.code = "frozen.bad_connection";
    e.message = "unknown connection handle";
    call->fail(call, &e);
    return;
  }
  log = (const erpc_host_log_v1*)g_host->get_service(g_host, ERPC_HOST_LOG_V1);
  if (log != NULL) log->log(log, call, ERPC_LOG_INFO, "frozen adapter called", 21);
  call->respond(call, answer, sizeof answer - 1);
}

static const erpc_adapter_v1 adapter = {sizeof(erpc_adapter_v1), 0, manifest_json, check,
                                        open_connection, close_connection, execute, NULL};

static int32_t init(const erpc_host_v1* host) {
  g_host = host;
  return host != NULL && host->abi_major == ERPC_ABI_MAJOR;
}

static void deinit(void) { g_host = NULL; }

static const erpc_adapter_v1* get_adapter(void) { return g_host != NULL ? &adapter : NULL; }

ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "frozen_hello_v1_0",
    init, deinit, get_adapter};
