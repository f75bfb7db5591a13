/* One plain-C adapter, compiled once per test case with different definitions (see
 * CMakeLists.txt): each build is correct except for the one defect its definitions name.
 *   TEST_ID            entry adapter_id (string literal), default "good"
 *   TEST_ABI_MAJOR/MINOR, TEST_ENTRY_SIZE    what the entry claims
 *   TEST_NO_ENTRY      export no entry symbol at all
 *   TEST_INIT_FAILS    init() returns 0
 *   TEST_NO_TABLE      get_adapter() returns NULL
 *   TEST_MANIFEST      which manifest manifest_json() returns (see below)
 */
#include "test_counter.h"

#include <string.h>

#ifndef TEST_ID
#define TEST_ID "good"
#endif
#ifndef TEST_ABI_MAJOR
#define TEST_ABI_MAJOR ERPC_ABI_MAJOR
#endif
#ifndef TEST_ABI_MINOR
#define TEST_ABI_MINOR ERPC_ABI_MINOR
#endif
#ifndef TEST_ENTRY_SIZE
#define TEST_ENTRY_SIZE sizeof(erpc_adapter_entry_v1)
#endif
#ifndef TEST_MANIFEST
#define TEST_MANIFEST 0
#endif

#define MANIFEST_TAIL                                                                         \
  "\"name\":\"Test adapter\",\"vendor\":\"erpconnect tests\",\"version\":\"1.2.3\","          \
  "\"status\":\"experimental\",\"objects\":{\"Invoice\":[\"create\",\"get\"],"                \
  "\"Payment\":[\"create\",\"status\"]},\"capabilities\":[\"erpc.test.cap/1\"],"              \
  "\"config_schema\":{\"type\":\"object\",\"properties\":{\"base_url\":{\"type\":\"string\"}}}," \
  "\"mapping_version\":\"2026.1\"}"

static const char* const manifest_text =
#if TEST_MANIFEST == 0 /* valid */
    "{\"id\":\"" TEST_ID "\",\"contract\":{\"min\":\"1.0\",\"max\":\"1.x\"}," MANIFEST_TAIL;
#elif TEST_MANIFEST == 1 /* not JSON */
    "{\"id\":\"" TEST_ID "\", this is not json";
#elif TEST_MANIFEST == 2 /* bad id pattern, no vendor, unknown op */
    "{\"id\":\"Bad-Id\",\"name\":\"x\",\"version\":\"1.0\",\"status\":\"stable\","
    "\"contract\":{\"min\":\"1.0\",\"max\":\"1.x\"},\"objects\":{\"Invoice\":[\"delete\"]},"
    "\"capabilities\":[],\"config_schema\":{},\"mapping_version\":\"1\"}";
#elif TEST_MANIFEST == 3 /* contract 2.0-2.0 only */
    "{\"id\":\"" TEST_ID "\",\"contract\":{\"min\":\"2.0\",\"max\":\"2.0\"}," MANIFEST_TAIL;
#elif TEST_MANIFEST == 4 /* id differs from the entry's */
    "{\"id\":\"someone_else\",\"contract\":{\"min\":\"1.0\",\"max\":\"1.x\"}," MANIFEST_TAIL;
#endif

static const erpc_host_v1* the_host;

static void bump(const char* event) {
  const erpc_test_counter_v1* counter = NULL;
  if (the_host != NULL && the_host->get_service != NULL) {
    counter = (const erpc_test_counter_v1*)the_host->get_service(the_host, ERPC_TEST_COUNTER_V1);
  }
  if (counter != NULL && counter->struct_size >= sizeof(*counter)) {
    counter->bump(counter, TEST_ID, event);
  }
}

static const char* manifest_json(void) {
  bump("manifest");
  return manifest_text;
}

static const char ok_answer[] = "{\"status\":\"ok\",\"replayed\":false,\"result\":{}}";

static void check(const char* config_json, size_t config_len, const erpc_call_v1* call) {
  (void)config_json;
  (void)config_len;
  call->respond(call, "{\"ok\":true}", 11);
}

static int connection_token;

static erpc_connection* open_connection(const char* config_json, size_t config_len,
                                        const erpc_call_v1* call) {
  (void)config_json;
  (void)config_len;
  (void)call;
  return (erpc_connection*)&connection_token;
}

static void close_connection(erpc_connection* connection) { (void)connection; }

static void execute(erpc_connection* connection, const char* request_json, size_t request_len,
                    const erpc_call_v1* call) {
  (void)connection;
  (void)request_json;
  (void)request_len;
  bump("execute");
  call->respond(call, ok_answer, strlen(ok_answer));
}

static const int capability_token = 1;

static const void* get_capability(const char* capability_id) {
  return strcmp(capability_id, "erpc.test.cap/1") == 0 ? &capability_token : NULL;
}

static const erpc_adapter_v1 table = {
    sizeof(erpc_adapter_v1), 0, manifest_json, check, open_connection, close_connection,
    execute, get_capability};

static int32_t init(const erpc_host_v1* host) {
  the_host = host;
  bump("init");
#ifdef TEST_INIT_FAILS
  return 0;
#else
  return 1;
#endif
}

static void deinit(void) {
  bump("deinit");
  the_host = NULL;
}

static const erpc_adapter_v1* get_adapter(void) {
  bump("get_adapter");
#ifdef TEST_NO_TABLE
  (void)table;
  return NULL;
#else
  return the_host != NULL ? &table : NULL;
#endif
}

#ifndef TEST_NO_ENTRY
ERPC_EXPORT const erpc_adapter_entry_v1 erpc_adapter_entry = {
    TEST_ENTRY_SIZE, TEST_ABI_MAJOR, TEST_ABI_MINOR, 0, TEST_ID, init, deinit, get_adapter};
#else
/* Exported under another name: a library that is not an adapter. */
ERPC_EXPORT const erpc_adapter_entry_v1 not_the_entry = {
    TEST_ENTRY_SIZE, TEST_ABI_MAJOR, TEST_ABI_MINOR, 0, TEST_ID, init, deinit, get_adapter};
#endif
