// SPDX-License-Identifier: Apache-2.0
#include "natural_key_create.hpp"

#include "external_id.hpp"

#include <chrono>
#include <thread>

namespace erpc::netsuite {

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"]["netsuite"] = vendor_id;
  return payload;
}

namespace {

bool is_idempotency_error(const http_response& res) {
  if (res.status != 400) return false;
  const auto details = parse_error_details(res.body);
  if (!details) return false;
  for (const auto& d : *details) {
    if (d.code == "IDEMPOTENCY_ERROR") return true;
  }
  return false;
}

class create_run {
 public:
  create_run(record_api& api, const record_mapping& mapping, vendor_record record,
             const request& req, nlohmann::json payload, const create_options& options,
             call_context& ctx)
      : api_(api), mapping_(mapping), record_(std::move(record)), req_(req),
        payload_(std::move(payload)), options_(options), ctx_(ctx),
        external_id_(external_id_for_key(req.idempotency_key)) {
    record_.body["externalId"] = external_id_;
    to_pointer_ = [this](std::string_view path) { return mapping_.pointer_for(path); };
  }

  result run() {
    const bool maybe_done = req_.attempt > 1 || req_.prior_outcome == "unknown" ||
                            options_.read_before_create;
    if (maybe_done) {
      if (auto found = read_back()) return *found;
    }
    if (options_.mode == write_mode::async) {
      const http_headers headers = {
          {"Prefer", "respond-async"},
          {"X-NetSuite-idempotency-key",
           async_idempotency_key(record_.record_type, external_id_)}};
      const auto res = api_.post(record_.record_type, record_.body, headers, ctx_);
      if (res.status == 202) return follow_job(res, /*earlier_submission=*/false);
      return on_write_answer(res, false);
    }
    return on_write_answer(api_.post(record_.record_type, record_.body, {}, ctx_), false);
  }

 private:
  // The record under our externalId in any record type the object lives in, judged.
  std::optional<result> read_back() {
    for (const auto& type : mapping_.record_types()) {
      auto found = api_.get(type, "eid:" + external_id_, ctx_);
      if (!found) continue;
      if (type != record_.record_type) {
        throw reuse("the key already made a NetSuite " + type + ", not a " + record_.record_type);
      }
      return judge(*found);
    }
    return std::nullopt;
  }

  result judge(const nlohmann::json& found) {
    // Only a read-back is judged, so the fields of what we send are compared here, not for
    // every create (the body does not change after the constructor).
    const auto expected = mapping_.compared_fields(record_.body);
    const auto actual = mapping_.compared_fields(found);
    const auto id = vendor_id_of(found);
    if (actual != expected) {
      std::string fields;
      for (const auto& [name, value] : expected.items()) {
        if (actual.value(name, nlohmann::json()) != value) {
          fields += (fields.empty() ? "" : ", ") + name;
        }
      }
      throw reuse("the NetSuite " + record_.record_type + " " + id + " under this key differs in " +
                  fields);
    }
    ctx_.log(log_level::info, "replayed NetSuite " + record_.record_type + " " + id +
                                   " found by its externalId");
    return {answer(id), true};
  }

  // The canonical answer. Every path calls it at most once, as what it returns, so the payload
  // is moved into it.
  nlohmann::json answer(const std::string& vendor_id) {
    return created_document(std::move(payload_), vendor_id);
  }

  error reuse(const std::string& why) const {
    return error(error_class::idempotency_key_reuse, "netsuite.key_reuse",
                 "idempotency key reused with another payload: " + why)
        .with_effect(effect::none);
  }

  std::string vendor_id_of(const nlohmann::json& record) const {
    const auto it = record.find("id");
    if (it != record.end() && it->is_string()) return it->get<std::string>();
    if (it != record.end() && it->is_number_integer()) return it->dump();
    throw malformed_response("the record read back has no id", call_kind::write, 200);
  }

  // A write's answer (synchronous, or an async job's result).
  result on_write_answer(const http_response& res, bool earlier_submission) {
    if (res.status >= 200 && res.status <= 299) {
      std::optional<std::string> id;
      if (const auto location = res.header("Location")) id = record_api::id_from_location(*location);
      if (!id) {
        // Created, but NetSuite did not say where: find it by its natural key.
        auto found = api_.get(record_.record_type, "eid:" + external_id_, ctx_);
        if (!found) {
          throw malformed_response("the create answer has no Location and the record is not found",
                                   call_kind::write, res.status)
              .with_effect(effect::committed);
        }
        return earlier_submission ? judge(*found)
                                  : result{answer(vendor_id_of(*found)), false};
      }
      if (earlier_submission) {
        auto found = api_.get(record_.record_type, *id, ctx_);
        if (!found) {
          throw error(error_class::not_found, "netsuite.earlier_record_missing",
                      "the earlier submission created NetSuite " + record_.record_type + " " + *id +
                          ", which no longer exists");
        }
        return judge(*found);
      }
      return {answer(*id), false};
    }
    if (is_idempotency_error(res)) {
      if (const auto location = res.header("Location")) return follow_job(res, true);
    }
    const auto mapped = map_vendor_error(res, call_kind::write, api_.now_ms(ctx_), to_pointer_);
    if (res.status == 400 && mapped.cls() == error_class::validation) {
      // The duplicate-externalId answer of a POST is unconfirmed (vendors.md §1.2), so any
      // refusal is checked against the natural key before it is reported.
      if (auto found = read_back()) return *found;
    }
    throw mapped;
  }

  result follow_job(const http_response& accepted, bool earlier_submission) {
    const auto location = accepted.header("Location");
    if (!location) {
      throw malformed_response("the async answer has no job Location", call_kind::write,
                               accepted.status);
    }
    const auto job_url = api_.client().absolute(*location);
    nlohmann::json job;
    for (int i = 0;; ++i) {
      auto found = api_.get_url(job_url, ctx_);
      if (!found) {
        throw malformed_response("its job " + *location + " does not exist", call_kind::write, 404);
      }
      job = std::move(*found);
      if (job.value("completed", false) || i + 1 >= options_.async_poll_attempts ||
          ctx_.cancelled()) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100 * (i + 1)));
    }
    if (!job.value("completed", false)) {
      throw error(error_class::in_progress, "netsuite.job_pending",
                  "the NetSuite async job for this key is still running")
          .with_effect(effect::possible)
          .with_retry_after_ms(1000);
    }
    const auto result_url = job_result_url(job);
    if (!result_url) {
      throw malformed_response("its finished job names no result", call_kind::write, 200);
    }
    const auto res = api_.client().send({"GET", api_.client().absolute(*result_url), "", {}},
                                        call_kind::read, ctx_);
    return on_write_answer(res, earlier_submission);
  }

  static std::optional<std::string> job_result_url(const nlohmann::json& job) {
    // {"task": {"links": [{"rel": "result", "href": …}]}} or a task collection of those.
    auto from_task = [](const nlohmann::json& task) -> std::optional<std::string> {
      const auto links = task.find("links");
      if (links == task.end() || !links->is_array()) return std::nullopt;
      for (const auto& l : *links) {
        if (l.value("rel", "") == "result" && l.contains("href") && l["href"].is_string()) {
          return l["href"].get<std::string>();
        }
      }
      return std::nullopt;
    };
    const auto task = job.find("task");
    if (task == job.end()) return std::nullopt;
    if (task->is_object()) {
      if (auto href = from_task(*task)) return href;
      if (const auto items = task->find("items"); items != task->end() && items->is_array()) {
        for (const auto& t : *items) {
          if (auto href = from_task(t)) return href;
        }
      }
    }
    return std::nullopt;
  }

  record_api& api_;
  const record_mapping& mapping_;
  vendor_record record_;
  const request& req_;
  nlohmann::json payload_;  // the request's payload, for the answer
  const create_options& options_;
  call_context& ctx_;
  std::string external_id_;
  path_translator to_pointer_;
};

}  // namespace

result create_with_natural_key(record_api& api, const record_mapping& mapping,
                               vendor_record record, const request& req, nlohmann::json payload,
                               const create_options& options, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "netsuite.idempotency_key_required",
                "a create needs an idempotency key (it becomes the NetSuite externalId)");
  }
  return create_run(api, mapping, std::move(record), req, std::move(payload), options, ctx).run();
}

}  // namespace erpc::netsuite
