// SPDX-License-Identifier: Apache-2.0
#include <erpc/certify/report.hpp>

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace erpc::certify {
namespace {

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters but tab, newline and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

// One Markdown table cell: no pipe, no line break.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string seconds(std::int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(ms / 1000),
                static_cast<long long>(ms % 1000));
  return buf;
}

void write_file(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    throw error(error_class::configuration, "certify.report_unwritable",
                "cannot write the report file " + file.string());
  }
}

// A column cut to `width` display characters (UTF-8 aware: continuation bytes do not count).
std::string fit(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool continuation = (c & 0xC0) == 0x80;
    if (!continuation) {
      if (shown == width) break;
      ++shown;
    }
    out += text[i];
  }
  if (out.size() < text.size() && width > 1) {
    // Cut on a character boundary and mark it.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty()) out.pop_back();
    out += "…";
    shown = width;
  }
  out.append(width > shown ? width - shown : 0, ' ');
  return out;
}

}  // namespace

std::string_view to_string(check_status s) noexcept {
  switch (s) {
    case check_status::passed: return "passed";
    case check_status::failed: return "failed";
    case check_status::skipped: return "skipped";
  }
  return "skipped";
}

std::size_t certification_report::count(check_status s) const {
  std::size_t n = 0;
  for (const auto& c : checks) n += c.status == s ? 1 : 0;
  return n;
}

std::string certification_report::level_achieved() const {
  std::string achieved = "none";
  for (const level l : {level::basic, level::idempotent, level::native}) {
    if (l > requested_level) break;
    bool ran = false;
    for (const auto& c : checks) {
      if (c.check_level != l) continue;
      if (c.status == check_status::failed) return achieved;
      ran = ran || c.status == check_status::passed;
    }
    if (!ran) return achieved;
    achieved = std::string(to_string(l));
  }
  return achieved;
}

nlohmann::json to_json(const certification_report& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : report.checks) {
    checks.push_back({{"id", c.id},
                      {"check", c.check},
                      {"level", to_string(c.check_level)},
                      {"result", to_string(c.status)},
                      {"evidence", c.evidence},
                      {"duration_ms", c.duration_ms}});
  }
  return {{"format", "erpc-certification/1"},
          {"adapter",
           {{"id", report.adapter.id},
            {"version", report.adapter.version},
            {"mapping_version", report.adapter.mapping_version},
            {"library", report.adapter.library},
            {"sha256", report.adapter.sha256}}},
          {"profile", report.profile},
          {"target", report.target},
          {"level", to_string(report.requested_level)},
          {"nonce", report.nonce},
          {"started", report.started},
          {"duration_ms", report.duration_ms},
          {"level_achieved", report.level_achieved()},
          {"checks", std::move(checks)},
          {"summary",
           {{"passed", report.count(check_status::passed)},
            {"failed", report.count(check_status::failed)},
            {"skipped", report.count(check_status::skipped)}}}};
}

std::string junit_xml(const certification_report& report) {
  const std::string suite = "erpc-certify." + report.adapter.id;
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x << "<testsuites name=\"erpc certify\" tests=\"" << report.checks.size() << "\" failures=\""
    << report.count(check_status::failed) << "\" errors=\"0\" skipped=\""
    << report.count(check_status::skipped) << "\" time=\"" << seconds(report.duration_ms)
    << "\">\n";
  x << "  <testsuite name=\"" << xml_escaped(suite) << "\" tests=\"" << report.checks.size()
    << "\" failures=\"" << report.count(check_status::failed) << "\" errors=\"0\" skipped=\""
    << report.count(check_status::skipped) << "\" time=\"" << seconds(report.duration_ms)
    << "\" timestamp=\"" << xml_escaped(report.started) << "\">\n";
  x << "    <properties>\n";
  const std::pair<const char*, std::string> properties[] = {
      {"adapter.version", report.adapter.version},
      {"adapter.mapping_version", report.adapter.mapping_version},
      {"profile", report.profile},
      {"target", report.target},
      {"level", std::string(to_string(report.requested_level))},
      {"level_achieved", report.level_achieved()},
      {"nonce", report.nonce}};
  for (const auto& [name, value] : properties) {
    x << "      <property name=\"" << name << "\" value=\"" << xml_escaped(value) << "\"/>\n";
  }
  x << "    </properties>\n";
  for (const auto& c : report.checks) {
    x << "    <testcase classname=\"" << xml_escaped(suite + "." + std::string(to_string(c.check_level)))
      << "\" name=\"" << xml_escaped(c.id) << "\" time=\"" << seconds(c.duration_ms) << "\"";
    if (c.status == check_status::passed) {
      x << ">\n      <system-out>" << xml_escaped(c.evidence) << "</system-out>\n    </testcase>\n";
    } else if (c.status == check_status::failed) {
      x << ">\n      <failure message=\"" << xml_escaped(c.evidence) << "\" type=\"" << xml_escaped(c.check)
        << "\">" << xml_escaped(c.evidence) << "</failure>\n    </testcase>\n";
    } else {
      x << ">\n      <skipped message=\"" << xml_escaped(c.evidence) << "\"/>\n    </testcase>\n";
    }
  }
  x << "  </testsuite>\n</testsuites>\n";
  return x.str();
}

std::string markdown(const certification_report& report) {
  std::ostringstream m;
  m << "# Certification: " << report.adapter.id << " " << report.adapter.version << "\n\n";
  m << "| | |\n|---|---|\n";
  m << "| adapter | `" << cell(report.adapter.id) << "` " << cell(report.adapter.version)
    << " (mapping `" << cell(report.adapter.mapping_version) << "`) |\n";
  m << "| profile | `" << cell(report.profile) << "` |\n";
  m << "| target | " << cell(report.target) << " |\n";
  m << "| level requested | " << to_string(report.requested_level) << " |\n";
  m << "| **level achieved** | **" << report.level_achieved() << "** |\n";
  m << "| nonce | `" << cell(report.nonce) << "` |\n";
  m << "| started | " << cell(report.started) << " |\n";
  m << "| duration | " << seconds(report.duration_ms) << " s |\n";
  m << "| result | " << report.count(check_status::passed) << " passed, "
    << report.count(check_status::failed) << " failed, " << report.count(check_status::skipped)
    << " skipped |\n\n";
  m << "| check | level | result | evidence |\n|---|---|---|---|\n";
  for (const auto& c : report.checks) {
    const std::string_view mark = c.status == check_status::passed   ? "passed"
                                  : c.status == check_status::failed ? "**FAILED**"
                                                                     : "skipped";
    m << "| `" << cell(c.id) << "` | " << to_string(c.check_level) << " | " << mark << " | "
      << cell(c.evidence) << " |\n";
  }
  return m.str();
}

std::string summary_table(const certification_report& report, std::size_t evidence_width) {
  std::size_t id_width = 5;
  for (const auto& c : report.checks) id_width = std::max(id_width, c.id.size());
  std::ostringstream t;
  t << fit("check", id_width) << "  " << fit("level", 10) << "  " << fit("result", 7) << "  "
    << "evidence\n";
  t << std::string(id_width, '-') << "  " << std::string(10, '-') << "  " << std::string(7, '-')
    << "  " << std::string(std::min<std::size_t>(evidence_width, 40), '-') << "\n";
  for (const auto& c : report.checks) {
    std::string evidence = c.evidence;
    for (auto& ch : evidence) ch = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
    std::string line = fit(c.id, id_width) + "  " + fit(to_string(c.check_level), 10) + "  " +
                       fit(to_string(c.status), 7) + "  " + fit(evidence, evidence_width);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    t << line << "\n";
  }
  t << "\n" << report.adapter.id << ": " << report.count(check_status::passed) << " passed, "
    << report.count(check_status::failed) << " failed, " << report.count(check_status::skipped)
    << " skipped; level achieved: " << report.level_achieved() << " (requested "
    << to_string(report.requested_level) << ")\n";
  return t.str();
}

void write_reports(const certification_report& report, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw error(error_class::configuration, "certify.report_unwritable",
                "cannot create the report folder " + dir.string() + ": " + ec.message());
  }
  write_file(dir / "certification.json", to_json(report).dump(2) + "\n");
  write_file(dir / "junit.xml", junit_xml(report));
  write_file(dir / "certification.md", markdown(report));
}

}  // namespace erpc::certify
