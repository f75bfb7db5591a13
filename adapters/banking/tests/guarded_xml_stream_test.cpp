// The guarded libxml2 loop the camt, pain.002 and untrusted_xml_reader readers share: events,
// element text, and each refusal under the caller's code prefix.
#include "guarded_xml_stream.hpp"

#include <erpc/error.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using erpc::banking::detail::guarded_xml_stream;
using erpc::banking::detail::open_checked_xml_memory;
using erpc::banking::detail::xml_guard_settings;

namespace {

constexpr xml_guard_settings settings{"guardtest", "document", 3, 8};

// "start:a", "end:a=text", ... for the whole document.
std::vector<std::string> events_of(const std::string& xml) {
  guarded_xml_stream xml_stream(open_checked_xml_memory(xml, 1024, settings), settings);
  std::vector<std::string> out;
  std::vector<std::string> names;
  xml_stream.walk(
      [&] {
        names.emplace_back(xml_stream.local_name());
        out.push_back("start:" + names.back());
      },
      [&] {
        out.push_back("end:" + names.back() + "=" + std::string(xml_stream.text()));
        names.pop_back();
      });
  return out;
}

std::string code_of(const std::string& xml, std::size_t max_bytes = 1024) {
  try {
    guarded_xml_stream xml_stream(open_checked_xml_memory(xml, max_bytes, settings), settings);
    xml_stream.walk([] {}, [] {});
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("guarded_xml_stream: an empty element starts and ends, and text is trimmed") {
  CHECK(events_of("<a><b> x </b><c/></a>") ==
        std::vector<std::string>{"start:a", "start:b", "end:b=x", "start:c", "end:c=", "end:a="});
}

TEST_CASE("guarded_xml_stream: a child's text is not its parent's") {
  CHECK(events_of("<a>x<b>y</b>z</a>") ==
        std::vector<std::string>{"start:a", "start:b", "end:b=y", "end:a=z"});
}

TEST_CASE("guarded_xml_stream: each refusal carries the caller's prefix") {
  CHECK(code_of("<a><b><c><d/></c></b></a>") == "guardtest.too_deep");
  CHECK(code_of("<a><b><c/></b></a>") == "no error");
  CHECK(code_of("<a>123456789</a>") == "guardtest.value_too_long");
  CHECK(code_of("<a>1234<![CDATA[56789]]></a>") == "guardtest.value_too_long");
  CHECK(code_of("<!DOCTYPE a><a/>") == "guardtest.dtd_forbidden");
  CHECK(code_of("<a/><!ENTITY x 'y'>") == "guardtest.dtd_forbidden");
  CHECK(code_of("<a>&x;</a>") == "guardtest.xml_malformed");
  CHECK(code_of("<a><b></a>") == "guardtest.xml_malformed");
  CHECK(code_of("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xff</a>") ==
        "guardtest.encoding_invalid");
  CHECK(code_of("<a>12345678</a>", 10) == "guardtest.too_large");
}
