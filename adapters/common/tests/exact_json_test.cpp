// SPDX-License-Identifier: Apache-2.0
// dump_exact writes strings, integers, booleans and null directly instead of through
// nlohmann's dump() per scalar; these tests hold it to the former writer (kept below as the
// reference) byte for byte, invalid UTF-8 and the exceptions included.
#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <string>

namespace {

using nlohmann::json;
using erpc::adapters::dump_exact;
using erpc::adapters::is_decimal;
using erpc::adapters::parse_exact;

// The writer dump_exact had before its fast path: nlohmann's dump() for every key and scalar.
void reference_write(const json& value, std::string& out) {
  if (is_decimal(value)) {
    const auto& bytes = value.get_binary();
    out.append(bytes.begin(), bytes.end());
  } else if (value.is_object()) {
    out.push_back('{');
    bool first = true;
    for (const auto& [k, v] : value.items()) {
      if (!first) out.push_back(',');
      first = false;
      out += json(k).dump();
      out.push_back(':');
      reference_write(v, out);
    }
    out.push_back('}');
  } else if (value.is_array()) {
    out.push_back('[');
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i != 0) out.push_back(',');
      reference_write(value[i], out);
    }
    out.push_back(']');
  } else {
    out += value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

// Both writers' text, or both writers' exception text.
std::string outcome(bool reference, const json& value) {
  try {
    if (!reference) return "ok:" + dump_exact(value);
    std::string out;
    reference_write(value, out);
    return "ok:" + out;
  } catch (const std::exception& e) {
    return std::string("threw:") + e.what();
  }
}

void check_same(const json& value) {
  INFO(value.dump(-1, ' ', true, json::error_handler_t::replace));
  CHECK(outcome(false, value) == outcome(true, value));
}

}  // namespace

TEST_CASE("dump_exact writes what the former writer wrote", "[adapters][exact_json]") {
  check_same(parse_exact(R"({"amount":1234.50,"neg":-0.005,"qty":25,"s":"1.5","t":true,)"
                         R"("f":false,"n":null,"a":[1,-2,18446744073709551615,{"x":"y"}],)"
                         R"("e":{},"ea":[],"u":"Müller € 😀","esc":"q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f"})"));
  check_same(json(std::int64_t{-9223372036854775807 - 1}));
  check_same(json(std::uint64_t{18446744073709551615u}));
  check_same(json(0.1));  // a double: nlohmann's dump as before
  check_same(json(-1.5e300));
  check_same(json::binary({1, 2, 3}));           // a binary that is not a decimal
  check_same(json::binary({'1', '.', '5'}, 0x64));  // a decimal node
  check_same(json("\xff\xfe invalid UTF-8 value"));  // replaced, as before
  check_same(json("truncated \xe2\x82"));
  check_same(json("overlong \xc0\xaf and surrogate \xed\xa0\x80"));
  check_same(json{{"\xff key", 1}});  // an invalid key throws, as before
  check_same(json{{"k", json::array({"\xc3", "ok", json::object({{"z", "\x80"}})})}});
}

TEST_CASE("dump_exact matches the former writer on random strings and documents",
          "[adapters][exact_json]") {
  std::mt19937 rng(20261126);
  auto random_string = [&] {
    std::string s;
    const auto n = rng() % 12;
    for (std::uint32_t i = 0; i < n; ++i) {
      switch (rng() % 4) {
        case 0: s.push_back(static_cast<char>(rng() % 0x20)); break;            // controls
        case 1: s.push_back(static_cast<char>(0x20 + rng() % 0x60)); break;     // ASCII
        case 2: s.push_back(static_cast<char>(0x80 + rng() % 0x80)); break;     // high bytes
        default: s += (rng() % 2) != 0 ? "\xc3\xa9" : "\xf0\x9f\x98\x80"; break;  // valid UTF-8
      }
    }
    return s;
  };
  std::function<json(int)> random_value = [&](int depth) -> json {
    switch (rng() % (depth > 3 ? 6 : 8)) {
      case 0: return random_string();
      case 1: return static_cast<std::int64_t>(rng()) - (std::int64_t{1} << 31);
      case 2: return static_cast<std::uint64_t>(rng()) << 32;
      case 3: return (rng() % 2) != 0;
      case 4: return nullptr;
      case 5: {
        const std::string text = std::to_string(rng() % 100000) + "." + std::to_string(rng() % 100);
        return json::binary(std::vector<std::uint8_t>(text.begin(), text.end()), 0x64);
      }
      case 6: {
        json a = json::array();
        for (std::uint32_t i = rng() % 4; i > 0; --i) a.push_back(random_value(depth + 1));
        return a;
      }
      default: {
        json o = json::object();
        for (std::uint32_t i = rng() % 4; i > 0; --i) o[random_string()] = random_value(depth + 1);
        return o;
      }
    }
  };
  for (int i = 0; i < 3000; ++i) check_same(random_value(0));
}
