// SPDX-License-Identifier: Apache-2.0
// The guard of camt_reader.cpp / pain002_reader.cpp (flags, DOCTYPE refusal, first-error
// capture, depth and value limits) as a reusable reader, for message readers written after
// them (the bank simulator's pain.001 reader).
#include <erpc/banking/untrusted_xml_reader.hpp>

#include "statement_failure.hpp"

#include <erpc/error.hpp>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <mutex>

namespace erpc::banking {
namespace {

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

struct first_error {
  std::string message;
  int code = 0;
  int line = 0;
  bool set = false;
  static void capture(void* context, xmlErrorPtr e) {
    auto* self = static_cast<first_error*>(context);
    if (self->set || e == nullptr) return;
    self->set = true;
    self->code = e->code;
    self->line = e->line;
    self->message = e->message != nullptr ? std::string(trim(e->message)) : "unknown XML error";
  }
};

}  // namespace

struct untrusted_xml_reader::impl {
  xmlTextReaderPtr reader = nullptr;
  first_error error;
  ~impl() {
    if (reader != nullptr) xmlFreeTextReader(reader);
  }
};

untrusted_xml_reader::untrusted_xml_reader(std::string_view xml, std::string code_prefix,
                                           untrusted_xml_limits limits)
    : impl_(std::make_unique<impl>()), prefix_(std::move(code_prefix)), limits_(limits) {
  if (xml.size() > limits_.max_bytes || xml.size() >= (std::size_t{1} << 31)) {
    detail::fail(prefix_ + ".too_large", 1,
                 "the file is larger than the " + std::to_string(limits_.max_bytes) +
                     "-byte limit");
  }
  // Refused before libxml2 sees it: an entity loop in an internal subset fails inside the
  // parser before it is reported as a node.
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    detail::fail(prefix_ + ".dtd_forbidden", 1,
                 "the document has a DOCTYPE or entity declaration; ISO 20022 messages have "
                 "none, and entities are never expanded");
  }
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // No NOENT/DTDLOAD/DTDATTR: nothing is substituted or fetched; NONET for good measure.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  impl_->reader =
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, flags);
  if (impl_->reader == nullptr) {
    throw error(error_class::internal, prefix_ + ".reader_init", "libxml2 reader not created");
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, &first_error::capture, &impl_->error);
}

untrusted_xml_reader::~untrusted_xml_reader() = default;

std::uint64_t untrusted_xml_reader::line() const {
  const xmlNodePtr node = xmlTextReaderCurrentNode(impl_->reader);
  long l = node != nullptr ? xmlGetLineNo(node) : -1;
  if (l <= 0) l = xmlTextReaderGetParserLineNumber(impl_->reader);
  return l > 0 ? static_cast<std::uint64_t>(l) : 0;
}

void untrusted_xml_reader::fail(std::string_view what, const std::string& message) const {
  detail::fail(prefix_ + "." + std::string(what), line(), message);
}

std::string_view untrusted_xml_reader::name() const noexcept { return name_; }

std::string_view untrusted_xml_reader::namespace_uri() const noexcept {
  return view(xmlTextReaderConstNamespaceUri(impl_->reader));
}

std::string untrusted_xml_reader::attribute(std::string_view attribute_name) const {
  xmlChar* v = xmlTextReaderGetAttribute(
      impl_->reader, reinterpret_cast<const xmlChar*>(std::string(attribute_name).c_str()));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

untrusted_xml_reader::event untrusted_xml_reader::next() {
  if (pending_start_end_) {
    pending_start_end_ = false;
    text_.clear();
    pending_end_ = true;
    return event::end;
  }
  if (pending_end_) {
    // The end of the element whose end was reported: drop it from the path.
    pending_end_ = false;
    path_.resize(lengths_.back());
    lengths_.pop_back();
    const auto slash = path_.rfind('/');
    name_ = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  }
  int status = 0;
  while ((status = xmlTextReaderRead(impl_->reader)) == 1) {
    switch (xmlTextReaderNodeType(impl_->reader)) {
      case XML_READER_TYPE_ELEMENT: {
        if (static_cast<int>(lengths_.size()) >= limits_.max_depth) {
          fail("too_deep",
               "elements nest deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        name_ = std::string(view(xmlTextReaderConstLocalName(impl_->reader)));
        lengths_.push_back(path_.size());
        if (!path_.empty()) path_ += '/';
        path_ += name_;
        text_.clear();
        // An empty element: its end follows at the next call.
        if (xmlTextReaderIsEmptyElement(impl_->reader)) pending_start_end_ = true;
        return event::start;
      }
      case XML_READER_TYPE_END_ELEMENT:
        text_ = std::string(trim(text_));
        pending_end_ = true;
        return event::end;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
        const auto value = view(xmlTextReaderConstValue(impl_->reader));
        if (text_.size() + value.size() > limits_.max_value_bytes) {
          fail("value_too_long", "a text value is longer than " +
                                     std::to_string(limits_.max_value_bytes) + " bytes");
        }
        text_.append(value);
        break;
      }
      case XML_READER_TYPE_DOCUMENT_TYPE: fail("dtd_forbidden", "the document has a DOCTYPE");
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        fail("entity_forbidden", "entity references are not allowed");
      default: break;
    }
  }
  if (status < 0 || impl_->error.set) {
    const auto& e = impl_->error;
    const std::uint64_t at = e.line > 0 ? static_cast<std::uint64_t>(e.line) : line();
    if (e.code == XML_ERR_INVALID_CHAR || e.code == XML_ERR_INVALID_ENCODING ||
        e.code == XML_ERR_UNKNOWN_ENCODING || e.code == XML_ERR_UNSUPPORTED_ENCODING ||
        (e.code >= XML_I18N_NO_NAME && e.code <= XML_I18N_NO_OUTPUT)) {
      detail::fail(prefix_ + ".encoding_invalid", at, "not valid UTF-8 text: " + e.message);
    }
    detail::fail(prefix_ + ".xml_malformed", at,
                 e.set ? e.message : std::string("the XML document is not well-formed"));
  }
  return event::end_of_document;
}

}  // namespace erpc::banking
