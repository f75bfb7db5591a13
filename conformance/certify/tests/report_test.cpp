// SPDX-License-Identifier: Apache-2.0
// The report writers: JUnit XML well-formed with the right counts, Markdown one line a check,
// the JSON form as docs/certification.md specifies, and the level achieved.
#include <erpc/certify/report.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

namespace {

using namespace erpc::certify;

certification_report sample_report() {
  certification_report r;
  r.adapter = {"netsuite", "0.1.0", "netsuite-1", "/x/netsuite.so", ""};
  r.profile = "adapters/netsuite/conformance.json";
  r.target = "sim";
  r.requested_level = level::native;
  r.nonce = "c7f3a1";
  r.started = "2026-11-26T07:00:00.000Z";
  r.duration_ms = 1234;
  r.checks = {
      {"abi.version", "abi.version", level::basic, check_status::passed, "loaded <ok> & \"fine\"", 3},
      {"errors.http_403", "errors.http_403", level::basic, check_status::failed, "expected PERMISSION | got INTERNAL", 20},
      {"R1.replay", "R1.replay", level::idempotent, check_status::skipped, "not selected", 0},
      {"R5b.replay[records.duplicate_external_id=upsert]", "R5b.replay", level::native, check_status::passed,
       "ok\nreplayed", 1500},
  };
  return r;
}

// A minimal well-formedness check: every element closed in order, attributes quoted, no raw
// '<' or '&' outside markup.
bool well_formed(const std::string& xml) {
  std::vector<std::string> stack;
  std::size_t i = xml.find("?>");
  if (xml.rfind("<?xml", 0) != 0 || i == std::string::npos) return false;
  i += 2;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      const auto end = xml.find('>', i);
      if (end == std::string::npos) return false;
      std::string tag = xml.substr(i + 1, end - i - 1);
      // Attribute values are quoted and hold no raw '<'.
      if (tag.find('<') != std::string::npos) return false;
      if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return false;
      if (tag.front() == '/') {
        if (stack.empty() || stack.back() != tag.substr(1)) return false;
        stack.pop_back();
      } else if (tag.back() != '/') {
        stack.push_back(tag.substr(0, tag.find(' ')));
      }
      i = end + 1;
    } else {
      if (xml[i] == '&') {
        const auto semi = xml.find(';', i);
        const std::string entity = xml.substr(i, semi - i + 1);
        if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && entity != "&apos;") {
          return false;
        }
      }
      ++i;
    }
  }
  return stack.empty();
}

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("JUnit XML is well-formed and counts right", "[certify][report]") {
  const auto xml = junit_xml(sample_report());
  CHECK(well_formed(xml));
  CHECK(xml.find("<testsuites name=\"erpc certify\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\"") !=
        std::string::npos);
  CHECK(count_of(xml, "<testcase ") == 4);
  CHECK(count_of(xml, "<failure ") == 1);
  CHECK(count_of(xml, "<skipped ") == 1);
  CHECK(xml.find("loaded &lt;ok&gt; &amp; &quot;fine&quot;") != std::string::npos);
  CHECK(xml.find("name=\"R5b.replay[records.duplicate_external_id=upsert]\" time=\"1.500\"") != std::string::npos);
  CHECK_FALSE(well_formed("<?xml version=\"1.0\"?><a><b></a></b>"));  // the checker can fail
}

TEST_CASE("Markdown has one table line a check", "[certify][report]") {
  const auto md = markdown(sample_report());
  std::istringstream lines(md);
  std::string line;
  int check_lines = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("| `", 0) == 0 && line.find("` | ") != std::string::npos &&
        (line.find("| basic |") != std::string::npos || line.find("| idempotent |") != std::string::npos ||
         line.find("| native |") != std::string::npos)) {
      ++check_lines;
      CHECK(count_of(line, " | ") == 3);  // four cells; an escaped pipe is " \\| "
    }
  }
  CHECK(check_lines == 4);
  CHECK(md.find("expected PERMISSION \\| got INTERNAL") != std::string::npos);
  CHECK(md.find("ok replayed") != std::string::npos);  // the line break is gone
  CHECK(md.find("**level achieved** | **none**") != std::string::npos);
}

TEST_CASE("the JSON report has the agreed shape", "[certify][report]") {
  const auto j = to_json(sample_report());
  CHECK(j["format"] == "erpc-certification/1");
  CHECK(j["adapter"]["mapping_version"] == "netsuite-1");
  CHECK(j["checks"].size() == 4);
  CHECK(j["checks"][3]["id"] == "R5b.replay[records.duplicate_external_id=upsert]");
  CHECK(j["checks"][3]["check"] == "R5b.replay");
  CHECK(j["checks"][1]["result"] == "failed");
  CHECK(j["summary"] == nlohmann::json({{"passed", 2}, {"failed", 1}, {"skipped", 1}}));
  CHECK(j["level_achieved"] == "none");
}

TEST_CASE("level achieved: the highest level with every check up to it passed", "[certify][report]") {
  auto r = sample_report();
  r.checks[1].status = check_status::passed;
  CHECK(r.level_achieved() == "basic");  // no idempotent check ran
  r.checks[2].status = check_status::passed;
  CHECK(r.level_achieved() == "native");
  r.checks[3].status = check_status::failed;
  CHECK(r.level_achieved() == "idempotent");
  r.requested_level = level::basic;
  CHECK(r.level_achieved() == "basic");
}

TEST_CASE("the summary table has a row a check and the totals", "[certify][report]") {
  const auto table = summary_table(sample_report(), 30);
  CHECK(count_of(table, "\n") == 4 + 2 + 2);
  CHECK(table.find("errors.http_403") != std::string::npos);
  CHECK(table.find("1 failed") != std::string::npos);
}
