// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/canonical_fields.hpp>

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>

#include <functional>

using erpc::decimal;
using erpc::error;
using erpc::error_class;
using erpc::adapters::canonical_fields;
using erpc::adapters::mapping_dialect;
using erpc::adapters::mapping_errors;
using erpc::adapters::vendor_values;
using nlohmann::json;

namespace {

const canonical_fields rest{mapping_errors{"acme", "Acme ERP", mapping_dialect::rest_json,
                                           vendor_values::names}};
const canonical_fields rest_ids{mapping_errors{"acme", "Acme ERP", mapping_dialect::rest_json,
                                               vendor_values::ids}};
const canonical_fields odata{mapping_errors{"od", "OData ERP", mapping_dialect::odata,
                                            vendor_values::names}};

// The error `call` throws; fails the test when it throws none or another type.
error thrown(const std::function<void()>& call) {
  try {
    call();
  } catch (const error& e) {
    return e;
  }
  FAIL("no erpc::error was thrown");
  throw std::logic_error("unreachable");
}

void check_field(const error& e, const std::string& pointer, const std::string& code,
                 const std::string& message) {
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == pointer);
  CHECK(e.field_errors()[0].code == code);
  CHECK(e.field_errors()[0].message == message);
}

decimal dec(const char* text) { return *decimal::parse(text); }

}  // namespace

TEST_CASE("invalid and unsupported carry the prefix, the pointer and effect none") {
  const auto v = thrown([] { rest.invalid("/a", "acme.custom", "bad"); });
  CHECK(v.cls() == error_class::validation);
  CHECK(v.code() == "acme.custom");
  CHECK(v.message() == "bad");
  CHECK(v.effect() == erpc::effect::none);
  check_field(v, "/a", "acme.custom", "bad");

  const auto u = thrown([] { rest.unsupported("/b", "not here"); });
  CHECK(u.cls() == error_class::unsupported);
  CHECK(u.code() == "acme.field_unsupported");
  CHECK(u.message() == "not here");
  check_field(u, "/b", "acme.field_unsupported", "not here");
}

TEST_CASE("the odata dialect names the pointer in the message, not in the field error") {
  const auto v = thrown([] { odata.invalid("/a/0", "od.custom", "bad"); });
  CHECK(v.message() == "bad (/a/0)");
  check_field(v, "/a/0", "od.custom", "bad");
  const auto u = thrown([] { odata.unsupported("/b", "not here"); });
  CHECK(u.code() == "od.field_unsupported");
  CHECK(u.message() == "not here (/b)");
  check_field(u, "/b", "od.field_unsupported", "not here");
}

TEST_CASE("code joins the prefix and a suffix") {
  CHECK(rest.code("required") == "acme.required");
  CHECK(odata.code("too_long") == "od.too_long");
}

TEST_CASE("text reads strings, treats absent and null as absent, refuses other types") {
  const json obj = {{"s", "x"}, {"n", nullptr}, {"i", 7}};
  CHECK(rest.text(obj, "s", "/s") == std::optional<std::string>("x"));
  CHECK_FALSE(rest.text(obj, "n", "/n"));
  CHECK_FALSE(rest.text(obj, "missing", "/missing"));
  CHECK_FALSE(rest.text(json::array(), "s", "/s"));
  check_field(thrown([&] { rest.text(obj, "i", "/i"); }), "/i", "acme.not_text",
              "must be a string");
  check_field(thrown([&] { odata.text(obj, "i", "/i"); }), "/i", "od.type", "must be a string");
}

TEST_CASE("required_text refuses absent, null and empty text") {
  const json obj = {{"s", "x"}, {"e", ""}, {"n", nullptr}};
  CHECK(rest.required_text(obj, "s", "/s") == "x");
  for (const char* name : {"e", "n", "missing"}) {
    const auto e = thrown([&] { rest.required_text(obj, name, "/p"); });
    CHECK(e.code() == "acme.required");
    check_field(e, "/p", "acme.required", "required");
  }
}

TEST_CASE("fits counts code points and refuses, never cuts, a longer value") {
  CHECK(odata.fits("abc", 3, "/x", "Field") == "abc");
  CHECK(odata.fits("äöü", 3, "/x", "Field") == "äöü");  // 6 bytes, 3 code points
  const auto e = thrown([] { odata.fits("abcd", 3, "/x", "Reference"); });
  CHECK(e.code() == "od.too_long");
  check_field(e, "/x", "od.too_long",
              "OData ERP holds at most 3 characters in Reference (this value has 4); it is not "
              "truncated");
  CHECK(erpc::adapters::utf8_length("a€b") == 3);
  CHECK(erpc::adapters::utf8_length("") == 0);
}

TEST_CASE("refuse_present refuses a field with a value and lets defaults pass") {
  const json quiet = {{"a", nullptr}, {"b", false}, {"c", json::array()}, {"d", json::object()}};
  CHECK_NOTHROW(rest.refuse_present(quiet, {"a", "b", "c", "d", "e"}, "/x", "is not carried"));
  CHECK_NOTHROW(rest.refuse_present(json("text"), {"a"}, "", "is not carried"));
  const auto e =
      thrown([] { rest.refuse_present({{"a", nullptr}, {"b", true}}, {"a", "b"}, "/x", "is not carried"); });
  CHECK(e.cls() == error_class::unsupported);
  check_field(e, "/x/b", "acme.field_unsupported", "b is not carried");
}

TEST_CASE("refuse_unknown refuses a member outside the allowed set") {
  CHECK_NOTHROW(odata.refuse_unknown({{"a", 1}, {"b", 2}}, {"a", "b"}, "/x", "unknown"));
  const auto e = thrown([] { odata.refuse_unknown({{"a", 1}, {"z", 2}}, {"a"}, "/x", "unknown"); });
  check_field(e, "/x/z", "od.field_unsupported", "unknown");
}

TEST_CASE("mapped answers the vendor value or names the map and the code") {
  CHECK(rest.mapped("accounts", "6000", std::string("V-6000"), "/a") == "V-6000");
  check_field(thrown([] { rest.mapped("accounts", "6000", std::nullopt, "/a"); }), "/a",
              "acme.unmapped_value",
              "'6000' has no Acme ERP value in value_maps.accounts of this connection");
  check_field(thrown([] { rest_ids.mapped("accounts", "6000", std::nullopt, "/a"); }), "/a",
              "acme.unmapped_value",
              "'6000' has no Acme ERP id in value_maps.accounts of this connection");
  const auto e = thrown([] { odata.mapped("accounts", "6000", std::nullopt, "/a"); });
  CHECK(e.cls() == error_class::validation);
  check_field(e, "/a", "od.unmapped_value",
              "the connection's value map accounts has no entry for 6000");
}

TEST_CASE("code_for answers the code or a CONFIGURATION error, a read never invents one") {
  CHECK(rest.code_for("currencies", "1", std::string("EUR"), "currency") == "EUR");
  const auto names = thrown([] { rest.code_for("currencies", "X", std::nullopt, "currency"); });
  CHECK(names.cls() == error_class::configuration);
  CHECK(names.code() == "acme.unmapped_vendor_value");
  CHECK(names.message() ==
        "Acme ERP currency 'X' has no code in value_maps.currencies of this connection");
  const auto ids = thrown([] { rest_ids.code_for("currencies", "7", std::nullopt, "currency"); });
  CHECK(ids.message() == "Acme ERP currency id 7 has no code in value_maps.currencies of this connection");
  // The rest dialect looks even an empty value up; the odata dialect reads it as absent.
  CHECK(thrown([] { rest.code_for("currencies", "", std::nullopt, "currency"); }).code() ==
        "acme.unmapped_vendor_value");
  CHECK(odata.code_for("currencies", "", std::nullopt, "currency").empty());
  const auto od = thrown([] { odata.code_for("currencies", "X", std::nullopt, "currency"); });
  CHECK(od.code() == "od.unmapped_vendor_value");
  CHECK(od.message() == "the connection's value map currencies has no code for OData ERP currency X");
}

TEST_CASE("money_amount reads an exact amount in the document currency") {
  const json m = {{"amount", "12.50"}, {"currency", "EUR"}};
  CHECK(rest.money_amount(m, "/m", "EUR") == dec("12.50"));
  CHECK(rest.money_amount(m, "/m") == dec("12.5"));
  CHECK(odata.money_amount(m, "/m", "EUR") == dec("12.50"));
  CHECK(rest.money_currency(m, "/m") == "EUR");
  CHECK(rest.amount_member(m, "/m") == dec("12.50"));
}

TEST_CASE("money_amount errors in the rest dialect: object, currency first, then amount") {
  check_field(thrown([] { rest.money_amount(json(), "/m", "EUR"); }), "/m", "acme.required",
              "an amount is required");
  check_field(thrown([] { rest.money_amount(json::object(), "/m", "EUR"); }), "/m/currency",
              "acme.required", "required");
  check_field(thrown([] { rest.money_amount({{"amount", "1"}, {"currency", "USD"}}, "/m", "EUR"); }),
              "/m/currency", "acme.currency_mismatch", "the amount is in USD but the document is in EUR");
  check_field(thrown([] { rest.money_amount({{"amount", "1,5"}, {"currency", "EUR"}}, "/m", "EUR"); }),
              "/m/amount", "acme.amount", "not a decimal amount");
  check_field(thrown([] { rest.money_amount({{"amount", 1.5}, {"currency", "EUR"}}, "/m", "EUR"); }),
              "/m/amount", "acme.not_text", "must be a string");
  // amount_member checks no object around the amount.
  check_field(thrown([] { rest.amount_member(json(), "/m"); }), "/m/amount", "acme.required",
              "required");
  check_field(thrown([] { rest.money_currency(json(), "/m"); }), "/m", "acme.required",
              "an amount is required");
}

TEST_CASE("money_amount errors in the odata dialect: object, amount first, then currency") {
  const auto not_object = thrown([] { odata.money_amount(json(), "/m", "EUR"); });
  CHECK(not_object.message() == "must be {amount, currency} (/m)");
  check_field(not_object, "/m", "od.required", "must be {amount, currency}");
  check_field(thrown([] { odata.money_amount(json::object(), "/m", "EUR"); }), "/m/amount",
              "od.required", "required");
  check_field(thrown([] { odata.money_amount({{"amount", "1"}, {"currency", "USD"}}, "/m", "EUR"); }),
              "/m/currency", "od.currency_mismatch", "must be the document currency EUR");
  check_field(thrown([] { odata.money_amount({{"amount", "x"}, {"currency", "EUR"}}, "/m", "EUR"); }),
              "/m/amount", "od.decimal", "must be a decimal string");
}

TEST_CASE("read_amount reads JSON numbers and decimal text exactly, never guesses") {
  const json obj = erpc::adapters::parse_exact(
      R"({"n": 250.10, "i": 3, "s": "0.30", "z": null, "bad": "1e3", "o": {}})");
  CHECK(rest.read_amount(obj, "n") == dec("250.10"));
  CHECK(rest.read_amount(obj, "i") == dec("3"));
  CHECK(rest.read_amount(obj, "s") == dec("0.30"));
  CHECK_FALSE(rest.read_amount(obj, "z"));
  CHECK_FALSE(rest.read_amount(obj, "missing"));
  CHECK_FALSE(rest.read_amount(json::array(), "n"));
  for (const char* name : {"bad", "o"}) {
    const auto e = thrown([&] { rest.read_amount(obj, name); });
    CHECK(e.cls() == error_class::internal);
    CHECK(e.code() == "acme.malformed_response");
    CHECK(e.message() ==
          std::string("Acme ERP answered HTTP 200 but the amount '") + name + "' is not an exact decimal");
    CHECK(e.effect() == erpc::effect::none);
    REQUIRE(e.vendor());
    CHECK(e.vendor()->http_status == 200);
  }
}

TEST_CASE("money_text and money_json keep at least the currency's minor digits") {
  using erpc::adapters::money_json;
  using erpc::adapters::money_text;
  CHECK(money_text(dec("12.5"), "EUR") == "12.50");
  CHECK(money_text(dec("12.505"), "EUR") == "12.505");  // never rounded
  CHECK(money_text(dec("1200"), "JPY") == "1200");
  CHECK(money_text(dec("1.5"), "KWD") == "1.500");
  CHECK(money_text(dec("7"), "XXZ") == "7.00");  // unknown currency: two digits
  CHECK(money_json(dec("3"), "USD") == json{{"amount", "3.00"}, {"currency", "USD"}});
}

TEST_CASE("text_of and norm_text show scalars as text and nothing else") {
  using erpc::adapters::norm_text;
  using erpc::adapters::text_of;
  const json obj = erpc::adapters::parse_exact(
      R"({"s": "x", "i": 42, "d": 1.50, "t": true, "f": false, "n": null, "o": {"id": "7"}, "a": [1]})");
  CHECK(text_of(obj, "s") == "x");
  CHECK(text_of(obj, "i") == "42");
  CHECK(text_of(obj, "d") == "1.50");
  CHECK(text_of(obj, "t") == "T");
  CHECK(text_of(obj, "f") == "F");
  CHECK(text_of(obj, "n").empty());
  CHECK(text_of(obj, "o").empty());
  CHECK(text_of(obj, "a").empty());
  CHECK(text_of(obj, "missing").empty());
  CHECK(text_of(json("x"), "s").empty());
  CHECK(norm_text(obj["s"]) == "x");
  CHECK(norm_text(obj["i"]) == "42");
  CHECK(norm_text(obj["d"]) == "1.50");
  CHECK(norm_text(obj["t"]) == "T");
  CHECK(norm_text(obj["n"]).is_null());
  CHECK(norm_text(obj["o"]).is_null());
  CHECK(norm_text(obj["a"]).is_null());
}

TEST_CASE("norm_amount compares amounts by value, not by their digits") {
  using erpc::adapters::norm_amount;
  const json obj = erpc::adapters::parse_exact(R"({"n": 12.50, "i": 12})");
  CHECK(norm_amount(obj["n"]) == "12.5");
  CHECK(norm_amount(json("12.500")) == "12.5");
  CHECK(norm_amount(obj["i"]) == "12");
  CHECK(norm_amount(json("twelve")).is_null());
  CHECK(norm_amount(json()).is_null());
}

TEST_CASE("item_index reads the index after the prefix, and only a closed one") {
  using erpc::adapters::item_index;
  CHECK(item_index("invoiceLines[3].LineAmount", "invoiceLines[") == std::optional<std::size_t>(3));
  CHECK(item_index("item.items[12]", "item.items[") == std::optional<std::size_t>(12));
  CHECK_FALSE(item_index("invoiceLines[].x", "invoiceLines["));
  CHECK_FALSE(item_index("invoiceLines[3", "invoiceLines["));
  CHECK_FALSE(item_index("other[3]", "invoiceLines["));
  CHECK_FALSE(item_index("inv", "invoiceLines["));
}

TEST_CASE("date_text takes YYYY-MM-DD, absent only when not required") {
  const json obj = {{"d", "2026-11-26"}, {"bad", "26.11.2026"}, {"short", "2026-1-26"}, {"n", nullptr}};
  CHECK(odata.date_text(obj, "d", "/d", true) == "2026-11-26");
  CHECK(odata.date_text(obj, "n", "/n", false).empty());
  CHECK(odata.date_text(obj, "missing", "/missing", false).empty());
  check_field(thrown([&] { odata.date_text(obj, "missing", "/missing", true); }), "/missing",
              "od.required", "required");
  for (const char* name : {"bad", "short"}) {
    const auto e = thrown([&] { odata.date_text(obj, name, std::string("/") + name, false); });
    CHECK(e.cls() == error_class::validation);
    CHECK(e.message() == std::string("must be a date YYYY-MM-DD (/") + name + ")");
    check_field(e, std::string("/") + name, "od.date", "must be a date YYYY-MM-DD");
  }
  check_field(thrown([] { rest.date_text(json{{"d", "2026-11-2x"}}, "d", "/d", false); }), "/d",
              "acme.date", "must be a date YYYY-MM-DD");
}

TEST_CASE("decimal_text reads decimal text exactly, absent as nullopt") {
  const json obj = {{"q", "2.50"}, {"n", nullptr}, {"bad", "1e3"}, {"num", 2}};
  CHECK(odata.decimal_text(obj, "q", "/q") == dec("2.50"));
  CHECK_FALSE(odata.decimal_text(obj, "n", "/n"));
  CHECK_FALSE(odata.decimal_text(obj, "missing", "/missing"));
  check_field(thrown([&] { odata.decimal_text(obj, "bad", "/bad"); }), "/bad", "od.decimal",
              "must be a decimal string");
  check_field(thrown([&] { odata.decimal_text(obj, "num", "/num"); }), "/num", "od.type",
              "must be a string");
}

TEST_CASE("string_member and decimal_member read vendor records, absent as empty") {
  using erpc::adapters::decimal_member;
  using erpc::adapters::string_member;
  const json r = erpc::adapters::parse_exact(
      R"({"s": "Draft", "n": 12.50, "i": 3, "t": "7.5", "z": null, "o": {}})");
  CHECK(string_member(r, "s") == "Draft");
  CHECK(string_member(r, "n").empty());
  CHECK(string_member(r, "missing").empty());
  CHECK(string_member(json::array(), "s").empty());
  CHECK(decimal_member(r, "n") == dec("12.50"));
  CHECK(decimal_member(r, "n").to_string() == "12.50");
  CHECK(decimal_member(r, "i") == dec("3"));
  CHECK(decimal_member(r, "t") == decimal{});  // text is not an Edm.Decimal
  CHECK(decimal_member(r, "z") == decimal{});
  CHECK(decimal_member(r, "o") == decimal{});
  CHECK(decimal_member(r, "missing") == decimal{});
  CHECK(decimal_member(json("x"), "n") == decimal{});
}
