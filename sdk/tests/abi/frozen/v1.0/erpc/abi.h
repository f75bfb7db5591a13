/*
 * erpconnect adapter ABI, major version 1.
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * This header is the whole contract between the erpconnect host (`erpc`) and an adapter (a
 * shared library). It is plain C (C99 and later, C++ via extern "C"), uses only fixed-width
 * integers, `size_t` and `char`, and never moves ownership of memory across the boundary: every
 * pointer handed over is borrowed for a stated period, and the receiver copies what it keeps.
 *
 * Reading guide
 * -------------
 * Each function pointer carries two tags:
 *   - a call context: [main-thread] the host's loader thread, never concurrently with any other
 *     call into the same adapter; [any-thread] any host worker thread, concurrently with other
 *     [any-thread] calls; [serialised-per-connection] never concurrently with another call on
 *     the same connection.
 *   - an ownership line: who owns each pointer argument and returned pointer, and until when it
 *     stays valid.
 *
 * Versioning rules (see docs/abi.md)
 * ----------------------------------
 *  1. Every struct that crosses the boundary begins with `uint32_t struct_size`, set by whoever
 *     fills the struct to `sizeof` of the struct as it was compiled.
 *  2. Structs only ever grow at the end. A reader copies min(struct_size, sizeof(local)) bytes
 *     into a zero-initialised local, so a field unknown to the writer reads as zero / NULL.
 *  3. Within a major version, a minor version only adds: fields at the end of structs, new
 *     capability and service ids, new error classes (an unknown class reads as INTERNAL).
 *  4. A new major version renames every struct (`_v2`) and the entry symbol's struct type.
 *  5. The host reads `erpc_adapter_entry.abi_major/abi_minor` before calling anything. It refuses
 *     an adapter of another major, or one built against a newer minor than the host.
 *
 * Strings are UTF-8. Where a length is given the text need not be NUL-terminated; where only a
 * `const char*` is given it is NUL-terminated. JSON text crossing the boundary must satisfy the
 * limits of docs/abi.md ("JSON at the boundary"): no duplicate keys, depth <= 64, size within
 * the configured limit (4 MiB by default), valid UTF-8, and integer-only numbers (amounts are
 * strings). The host enforces them in both directions.
 */
#ifndef ERPC_ABI_H
#define ERPC_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Versions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

#define ERPC_ABI_MAJOR 1u
#define ERPC_ABI_MINOR 0u

/* The one symbol every adapter exports. Its type is `const erpc_adapter_entry_v1`. */
#define ERPC_ADAPTER_ENTRY_SYMBOL "erpc_adapter_entry"

#if defined(_WIN32)
#define ERPC_EXPORT __declspec(dllexport)
#else
#define ERPC_EXPORT __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Error classes (erpc_error_v1.error_class). The meaning of each class, whether the host retries
 * it and which exception queue takes it when it is final, is docs/errors.md. A reader that meets
 * a value it does not know treats it as ERPC_ERROR_INTERNAL. 0 is never a valid class. */
#define ERPC_ERROR_VALIDATION 1u            /* payload rejected; field_errors say where       */
#define ERPC_ERROR_CONFLICT 2u              /* state, ETag or duplicate business key           */
#define ERPC_ERROR_NOT_FOUND 3u             /* the record does not exist                       */
#define ERPC_ERROR_IDEMPOTENCY_KEY_REUSE 4u /* same key, different payload                     */
#define ERPC_ERROR_AUTHENTICATION 5u        /* credentials refused after one refresh           */
#define ERPC_ERROR_PERMISSION 6u            /* authenticated but not allowed                   */
#define ERPC_ERROR_CONFIGURATION 7u         /* missing or wrong connection setting             */
#define ERPC_ERROR_UNSUPPORTED 8u           /* op, object or field not offered by this vendor  */
#define ERPC_ERROR_RATE_LIMITED 9u          /* retry after retry_after_ms                      */
#define ERPC_ERROR_UNAVAILABLE 10u          /* vendor unreachable; the request was NOT sent    */
#define ERPC_ERROR_IN_PROGRESS 11u          /* the same key is still being processed           */
#define ERPC_ERROR_OUTCOME_UNKNOWN 12u      /* request sent, reply lost: may have committed    */
#define ERPC_ERROR_INTERNAL 13u             /* adapter bug or unparseable vendor answer        */
#define ERPC_ERROR_CLASS_MAX 13u

/* Whether a vendor-side effect may have happened before the failure
 * (erpc_error_v1.effect). It decides whether the host may free an idempotency key. */
#define ERPC_EFFECT_NONE 0u      /* certainly nothing was written at the vendor              */
#define ERPC_EFFECT_POSSIBLE 1u  /* something may have been written (e.g. reply lost)        */
#define ERPC_EFFECT_COMMITTED 2u /* something was written (e.g. created, then a later step failed) */

/* "No retry hint" for erpc_error_v1.retry_after_ms. */
#define ERPC_NO_RETRY_AFTER (-1)

/* A failure, handed from adapter to host through erpc_call_v1.fail (and from host to adapter by
 * host services). The struct and every string in it are borrowed by the receiver for the
 * duration of the call that hands it over; the receiver copies what it keeps. */
typedef struct erpc_error_v1 {
  uint32_t struct_size;   /* sizeof(erpc_error_v1) as compiled by the writer                  */
  uint32_t error_class;   /* one of ERPC_ERROR_*                                              */
  uint32_t effect;        /* one of ERPC_EFFECT_*                                             */
  uint32_t reserved0;     /* zero                                                             */
  int64_t retry_after_ms; /* >= 0: vendor asked to wait this long; ERPC_NO_RETRY_AFTER if not */
  const char* code;       /* stable machine code, e.g. "netsuite.USER_ERROR"; NUL-terminated,
                             [A-Za-z0-9_.:-]{1,128}; required                                  */
  const char* message;    /* human text for an operator; no secrets, no full account numbers;
                             NUL-terminated; required                                          */
  const char* detail_json;  /* optional JSON object (NULL if none), see docs/errors.md:
                               {"field_errors":[{"pointer","code","message"}],
                                "vendor":{"http_status","code","message","request_id"}}       */
  size_t detail_json_len;   /* bytes of detail_json; 0 when detail_json is NULL              */
} erpc_error_v1;

/* ------------------------------------------------------------------------------------------ */
/* Calls: how an adapter answers                                                               */
/* ------------------------------------------------------------------------------------------ */

/* One call from the host into the adapter (check, open, execute). The host fills it and keeps
 * it valid until the adapter function it was passed to returns; after that the pointer is
 * dangling and must not be used.
 *
 * Exactly-once answer: during check() and execute() the adapter calls exactly one of
 * respond() / fail() exactly once before returning. During open() it calls fail() exactly once
 * if and only if open() returns NULL. A second answer, or an answer after return, is logged by
 * the host and ignored; a missing answer is read as an INTERNAL error with effect POSSIBLE. */
typedef struct erpc_call_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* Absolute deadline, milliseconds since the Unix epoch (UTC) on the host clock service
   * ("erpc.host.clock/1"). Past it the host abandons the call: the adapter should stop at the
   * next safe point and fail with OUTCOME_UNKNOWN (or UNAVAILABLE if nothing was sent).
   * Host HTTP requests made for this call time out at the deadline on their own. */
  int64_t deadline_unix_ms;
  /* Correlation id of the message, for logs (NUL-terminated, never NULL, may be ""). */
  const char* correlation_id;
  /* W3C traceparent to propagate (NUL-terminated, never NULL, may be ""). The host HTTP service
   * adds it to outgoing requests made with this call. */
  const char* traceparent;

  /* [same thread as the call] Answers with a JSON document.
   * Ownership: json is borrowed; the host copies it before respond() returns. */
  void (*respond)(const struct erpc_call_v1* call, const char* json, size_t json_len);

  /* [same thread as the call] Answers with an error.
   * Ownership: error and its strings are borrowed; the host copies them before fail() returns. */
  void (*fail)(const struct erpc_call_v1* call, const erpc_error_v1* error);

  /* [any-thread] Non-zero once the host has abandoned the call (deadline passed or host
   * shutting down). Cheap; adapters may poll it between vendor requests. */
  int32_t (*is_cancelled)(const struct erpc_call_v1* call);

  void* host_data; /* opaque to the adapter */
} erpc_call_v1;

/* ------------------------------------------------------------------------------------------ */
/* The host                                                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct erpc_host_v1 {
  uint32_t struct_size;
  uint32_t abi_major;       /* ERPC_ABI_MAJOR of the host                                     */
  uint32_t abi_minor;       /* ERPC_ABI_MINOR of the host                                     */
  uint32_t reserved0;
  const char* host_name;    /* "erpc" or a test host; NUL-terminated, static                  */
  const char* host_version; /* semantic version of the host; NUL-terminated, static           */

  /* [any-thread] Looks up a host service by versioned id, e.g. "erpc.host.http/1".
   * Returns a pointer to the service's const struct (its type is named by the id), or NULL
   * when the host does not offer it. Ownership: host-owned, valid until the adapter's deinit()
   * returns. */
  const void* (*get_service)(const struct erpc_host_v1* host, const char* service_id);

  void* host_data; /* opaque to the adapter */
} erpc_host_v1;

/* ---- "erpc.host.log/1" ------------------------------------------------------------------- */

#define ERPC_HOST_LOG_V1 "erpc.host.log/1"

#define ERPC_LOG_TRACE 0u
#define ERPC_LOG_DEBUG 1u
#define ERPC_LOG_INFO 2u
#define ERPC_LOG_WARN 3u
#define ERPC_LOG_ERROR 4u

typedef struct erpc_host_log_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* [any-thread] Writes one log line through the host logger, which adds the correlation id of
   * `call` (may be NULL outside a call) and redacts configured secrets.
   * Ownership: message is borrowed for the duration of the call. */
  void (*log)(const struct erpc_host_log_v1* self, const erpc_call_v1* call, uint32_t level,
              const char* message, size_t message_len);
  void* host_data;
} erpc_host_log_v1;

/* ---- "erpc.host.secrets/1" --------------------------------------------------------------- */

#define ERPC_HOST_SECRETS_V1 "erpc.host.secrets/1"

/* Receives a secret value. The value is borrowed for the duration of the sink call only: the
 * adapter copies it into memory it controls (and should wipe that copy when done). */
typedef void (*erpc_secret_sink_v1)(void* user, const char* value, size_t value_len);

typedef struct erpc_host_secrets_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* [any-thread] Resolves a secret reference from the connection configuration ("env:NAME",
   * "file:/path"). On success calls sink exactly once and returns 0. On failure returns non-zero
   * and, if error_sink is not NULL, describes the failure through it (class CONFIGURATION; the
   * message names the reference, never a value).
   * Ownership: reference is borrowed; see erpc_secret_sink_v1 for the value. */
  int32_t (*resolve)(const struct erpc_host_secrets_v1* self, const char* reference,
                     erpc_secret_sink_v1 sink, void* user,
                     void (*error_sink)(void* user, const erpc_error_v1* error));
  void* host_data;
} erpc_host_secrets_v1;

/* ---- "erpc.host.clock/1" ----------------------------------------------------------------- */

#define ERPC_HOST_CLOCK_V1 "erpc.host.clock/1"

typedef struct erpc_host_clock_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* [any-thread] Wall clock, milliseconds since the Unix epoch, UTC. Tests may drive it. */
  int64_t (*now_unix_ms)(const struct erpc_host_clock_v1* self);
  /* [any-thread] Monotonic clock in nanoseconds, for measuring durations only. */
  int64_t (*monotonic_ns)(const struct erpc_host_clock_v1* self);
  void* host_data;
} erpc_host_clock_v1;

/* ---- "erpc.host.http/1" ------------------------------------------------------------------ */

#define ERPC_HOST_HTTP_V1 "erpc.host.http/1"

typedef struct erpc_http_header_v1 {
  const char* name;  /* NUL-terminated                                                        */
  const char* value; /* NUL-terminated                                                        */
} erpc_http_header_v1;

typedef struct erpc_http_request_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  const char* method;                 /* "GET", "POST", ...; NUL-terminated                  */
  const char* url;                    /* absolute http(s) URL; NUL-terminated                */
  const erpc_http_header_v1* headers; /* header_count entries; may be NULL when 0            */
  size_t header_count;
  const char* body; /* body_len bytes; may be NULL when body_len is 0                         */
  size_t body_len;
  /* Per-request timeout in ms; 0 = until the call's deadline. The request also ends at the
   * call's deadline whichever comes first. */
  int64_t timeout_ms;
} erpc_http_request_v1;

/* Transport outcome of a request (erpc_http_response_v1.transport). */
#define ERPC_HTTP_OK 0u            /* a complete HTTP response was received (any status)      */
#define ERPC_HTTP_FAILED 1u        /* no complete response; see request_sent                  */
#define ERPC_HTTP_TIMED_OUT 2u     /* no complete response before the timeout/deadline        */
#define ERPC_HTTP_BAD_REQUEST 3u   /* the request itself was invalid (URL, method); not sent  */

typedef struct erpc_http_response_v1 {
  uint32_t struct_size;
  uint32_t transport;     /* ERPC_HTTP_*                                                      */
  /* Non-zero when any byte of the request may have reached the server. With transport != OK
   * this decides the class: request_sent == 0 -> UNAVAILABLE (safe to retry), otherwise
   * OUTCOME_UNKNOWN (the vendor may have committed). */
  uint32_t request_sent;
  uint32_t status;        /* HTTP status when transport == ERPC_HTTP_OK, else 0               */
  const erpc_http_header_v1* headers; /* response headers, header_count entries               */
  size_t header_count;
  const char* body;       /* body_len bytes (not NUL-terminated)                              */
  size_t body_len;
  const char* transport_message; /* why the transport failed, NUL-terminated; "" when OK      */
} erpc_http_response_v1;

/* Receives the response. Everything it points to is borrowed for the duration of the sink call
 * only; the adapter copies what it keeps. */
typedef void (*erpc_http_sink_v1)(void* user, const erpc_http_response_v1* response);

typedef struct erpc_host_http_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* [any-thread] Sends one HTTP request and blocks until it completes, times out or the call is
   * cancelled, then calls sink exactly once (also on transport failure) before returning.
   * TLS certificates are verified; proxies, metrics, trace propagation (the call's
   * traceparent), fault injection and record/replay are the host's business.
   * `call` is the call this request belongs to (may be NULL during open()/check(), then the
   * request's own timeout applies, default 30 s).
   * Ownership: request and everything it points to are borrowed until send() returns. */
  void (*send)(const struct erpc_host_http_v1* self, const erpc_call_v1* call,
               const erpc_http_request_v1* request, erpc_http_sink_v1 sink, void* user);
  void* host_data;
} erpc_host_http_v1;

/* ---- "erpc.host.files/1" ----------------------------------------------------------------- */

#define ERPC_HOST_FILES_V1 "erpc.host.files/1"

/* Receives bytes (file content) or one name (directory listing); borrowed for the call only. */
typedef void (*erpc_bytes_sink_v1)(void* user, const char* data, size_t len);

typedef struct erpc_host_files_v1 {
  uint32_t struct_size;
  uint32_t reserved0;
  /* All paths are relative to the connection's configured file root ("files.root"); the host
   * refuses absolute paths, "..", and symlinks leaving the root. Each function returns 0 on
   * success; otherwise non-zero, and the error (if error_sink is not NULL) says why.
   * Ownership: every pointer argument is borrowed until the function returns. */

  /* [any-thread] Reads a whole file (at most max_bytes) and hands it to sink once. */
  int32_t (*read)(const struct erpc_host_files_v1* self, const erpc_call_v1* call,
                  const char* path, size_t max_bytes, erpc_bytes_sink_v1 sink, void* user,
                  void (*error_sink)(void* user, const erpc_error_v1* error));
  /* [any-thread] Writes a file atomically (temporary file, fsync, rename); never overwrites an
   * existing file unless overwrite is non-zero. */
  int32_t (*write)(const struct erpc_host_files_v1* self, const erpc_call_v1* call,
                   const char* path, const char* data, size_t len, int32_t overwrite,
                   void* user, void (*error_sink)(void* user, const erpc_error_v1* error));
  /* [any-thread] Lists the regular files of a directory, sorted by name, one sink call each. */
  int32_t (*list)(const struct erpc_host_files_v1* self, const erpc_call_v1* call,
                  const char* directory, erpc_bytes_sink_v1 sink, void* user,
                  void (*error_sink)(void* user, const erpc_error_v1* error));
  void* host_data;
} erpc_host_files_v1;

/* ------------------------------------------------------------------------------------------ */
/* The adapter                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Per-connection state, owned by the adapter, opaque to the host. */
typedef struct erpc_connection erpc_connection;

typedef struct erpc_adapter_v1 {
  uint32_t struct_size;
  uint32_t reserved0;

  /* [any-thread] The adapter's manifest: a JSON object (docs/abi.md "Manifest") with id,
   * vendor, version, status, contract range, objects and ops, capabilities, config schema and
   * mapping version. Ownership: adapter-owned, NUL-terminated, valid until deinit() returns. */
  const char* (*manifest_json)(void);

  /* [any-thread] Checks a connection configuration (a JSON object) without opening it.
   * Answers through `call`: respond({"ok":true,...}) or fail(CONFIGURATION with field errors).
   * It may contact the vendor (e.g. to verify a duplicate-check setting).
   * Ownership: config_json is borrowed until return. */
  void (*check)(const char* config_json, size_t config_len, const erpc_call_v1* call);

  /* [any-thread] Opens a connection from its configuration (a JSON object; secrets appear as
   * references to resolve through "erpc.host.secrets/1"). Returns the adapter-owned connection,
   * or NULL after calling call->fail() exactly once.
   * Ownership: config_json is borrowed until return; the returned connection belongs to the
   * adapter until close(). */
  erpc_connection* (*open)(const char* config_json, size_t config_len, const erpc_call_v1* call);

  /* [serialised-per-connection] Closes a connection. The host calls it once, after every
   * execute() on that connection has returned; the pointer is invalid afterwards. */
  void (*close)(erpc_connection* connection);

  /* [any-thread] Executes one request envelope (docs/contract.md: contract, op, object,
   * idempotency_key, attempt, prior_outcome, deadline_ms, payload, ...). Reentrant: the host
   * may run up to the connection's concurrency cap of execute() calls on one connection at
   * once. Runs only on host worker threads. Answers through `call` exactly once:
   * respond() with {"status":"ok","replayed":bool,"result":{...}} or fail().
   * Ownership: request_json is borrowed until return. */
  void (*execute)(erpc_connection* connection, const char* request_json, size_t request_len,
                  const erpc_call_v1* call);

  /* [any-thread] Looks up an optional capability by versioned id (e.g. "erpc.cap.bulk/1").
   * Returns the capability's const struct or NULL when not offered. May be NULL itself (no
   * capabilities). Ownership: adapter-owned, valid until deinit() returns. */
  const void* (*get_capability)(const char* capability_id);
} erpc_adapter_v1;

/* The exported entry. The host reads struct_size, abi_major and abi_minor first and refuses
 * the library, calling nothing, if they do not fit (rules 1 and 5 above). */
typedef struct erpc_adapter_entry_v1 {
  uint32_t struct_size; /* sizeof(erpc_adapter_entry_v1)                                    */
  uint32_t abi_major;   /* ERPC_ABI_MAJOR the adapter was built against                     */
  uint32_t abi_minor;   /* ERPC_ABI_MINOR the adapter was built against                     */
  uint32_t reserved0;   /* zero                                                             */
  const char* adapter_id; /* the manifest's id, readable before init(); NUL-terminated        */

  /* [main-thread] Called once after loading, before anything else. `host` stays valid until
   * deinit() returns. Returns non-zero on success; on zero the host calls deinit() and
   * refuses the adapter. */
  int32_t (*init)(const erpc_host_v1* host);

  /* [main-thread] Called once before unloading, after every connection is closed and every
   * call has returned (also when init() failed). */
  void (*deinit)(void);

  /* [main-thread] Returns the adapter's function table (valid until deinit() returns), or NULL
   * if init() was not called or failed. */
  const erpc_adapter_v1* (*get_adapter)(void);
} erpc_adapter_entry_v1;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ERPC_ABI_H */
