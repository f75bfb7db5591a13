// SPDX-License-Identifier: Apache-2.0
// The one libxml2 xmlTextReader loop every ISO 20022 reader of this library steps through (camt,
// pain.002, and untrusted_xml_reader for the bank simulator's pain.001), with the guard that
// makes XML from outside safe to read: no DTD (a DOCTYPE or ENTITY is refused, so no entity is
// ever expanded or fetched), no network, an element depth limit and a text-value length limit.
//
// next() reads nodes until an element starts or ends and keeps the element's own text; walk()
// runs the whole document into a reader's start/end handlers. Both inline, walk() a template:
// no virtual call or std::function per node, as camt is on the B3 statement-parse benchmark
// path (bench/statement_parse_bench.cpp). Failures throw
// erpc::error(VALIDATION, "<prefix>.<what>") naming the line, with <what> one of too_large,
// dtd_forbidden, entity_forbidden, encoding_invalid, xml_malformed, too_deep, value_too_long,
// reader_init (INTERNAL) — docs/errors.md. The prefix is the message's: "camt", "pain002", ...
#pragma once

#include "statement_failure.hpp"

#include <erpc/error.hpp>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::banking::detail {

inline std::string_view xml_view(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

inline std::string_view trim_xml_space(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

struct xml_guard_settings {
  std::string_view code_prefix;  // "camt", "pain002", ...
  std::string_view noun;         // what the messages call the input: "document", "report"
  int max_depth = 32;
  std::size_t max_value_bytes = 4096;
};

// Refuses, before libxml2 sees it, a buffer over max_bytes (or too big for libxml2's int
// length) and one with a DOCTYPE or ENTITY declaration: an entity loop in an internal subset
// fails inside the parser before it is reported as a node.
inline void refuse_oversized_or_declared(std::string_view xml, std::size_t max_bytes,
                                         const xml_guard_settings& s) {
  const std::string prefix(s.code_prefix);
  if (xml.size() > max_bytes || xml.size() >= (std::size_t{1} << 31)) {
    fail(prefix + ".too_large", 1,
         "the " + std::string(s.noun) + " is larger than the " + std::to_string(max_bytes) +
             "-byte limit");
  }
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    fail(prefix + ".dtd_forbidden", 1,
         "the " + std::string(s.noun) +
             " has a DOCTYPE or entity declaration; ISO 20022 messages have none, and entities "
             "are never expanded");
  }
}

// No NOENT/DTDLOAD/DTDATTR: nothing is substituted or fetched; NONET for good measure.
// NOBLANKS drops the indentation between elements; NOCDATA hands CDATA over as text.
inline constexpr int guarded_xml_parse_flags = XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                               XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                               XML_PARSE_NOCDATA;

inline void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// A reader over a buffer parsed in place (size already checked to fit an int).
inline xmlTextReaderPtr open_xml_memory(std::string_view xml) {
  init_libxml_once();
  return xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                            guarded_xml_parse_flags);
}

// refuse_oversized_or_declared, then a reader over the buffer.
inline xmlTextReaderPtr open_checked_xml_memory(std::string_view xml, std::size_t max_bytes,
                                                const xml_guard_settings& settings) {
  refuse_oversized_or_declared(xml, max_bytes, settings);
  return open_xml_memory(xml);
}

// A reader pulling its bytes through `read` (a stream, counted by the caller).
inline xmlTextReaderPtr open_xml_io(xmlInputReadCallback read, xmlInputCloseCallback close,
                                    void* context) {
  init_libxml_once();
  return xmlReaderForIO(read, close, context, nullptr, nullptr, guarded_xml_parse_flags);
}

class guarded_xml_stream {
 public:
  enum class event { start, end, end_of_document, xml_error };

  // Takes ownership of `reader` (from open_xml_memory/open_xml_io); a null one is an INTERNAL
  // "<prefix>.reader_init".
  guarded_xml_stream(xmlTextReaderPtr reader, const xml_guard_settings& settings)
      : reader_(reader), settings_(settings) {
    if (reader_ == nullptr) {
      throw error(error_class::internal, std::string(settings_.code_prefix) + ".reader_init",
                  "libxml2 reader not created");
    }
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), &first_error::capture, &error_);
  }
  guarded_xml_stream(const guarded_xml_stream&) = delete;
  guarded_xml_stream& operator=(const guarded_xml_stream&) = delete;

  // The next element start or end; an empty element gives both. At `end`, text() is the
  // element's own text, trimmed: the text after its last child (a leaf's whole value; the
  // readers take values from leaves only). `xml_error`: libxml2
  // found the document broken; the caller may look for its own cause, then fail_xml_error().
  event next() {
    if (ended_) {
      // The text of an ended element is not its parent's.
      ended_ = false;
      text_.clear();
    }
    if (empty_element_open_) {
      empty_element_open_ = false;
      ended_ = true;
      return event::end;
    }
    int status = 0;
    while ((status = xmlTextReaderRead(reader_.get())) == 1) {
      switch (xmlTextReaderNodeType(reader_.get())) {
        case XML_READER_TYPE_ELEMENT:
          if (xmlTextReaderDepth(reader_.get()) >= settings_.max_depth) {
            fail_at_line("too_deep", "elements nest deeper than " +
                                         std::to_string(settings_.max_depth) + " levels");
          }
          text_.clear();
          empty_element_open_ = xmlTextReaderIsEmptyElement(reader_.get()) == 1;
          return event::start;
        case XML_READER_TYPE_END_ELEMENT: ended_ = true; return event::end;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
          const auto value = xml_view(xmlTextReaderConstValue(reader_.get()));
          if (text_.size() + value.size() > settings_.max_value_bytes) {
            fail_at_line("value_too_long", "a text value is longer than " +
                                               std::to_string(settings_.max_value_bytes) +
                                               " bytes");
          }
          text_.append(value);
          break;
        }
        case XML_READER_TYPE_DOCUMENT_TYPE:
          fail_at_line("dtd_forbidden", "the " + std::string(settings_.noun) +
                                            " has a DOCTYPE; ISO 20022 messages have none, and "
                                            "entities are never expanded");
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail_at_line("entity_forbidden", "entity references are not allowed");
        default: break;
      }
    }
    return status < 0 || error_.set ? event::xml_error : event::end_of_document;
  }

  // The whole document, pushed: on_start() at each element start, on_end() at each end (text()
  // is the element's), on_xml_error() when libxml2 gives up, then fail_xml_error() unless it
  // threw a failure of its own. Templates, so each call inlines (no call through a pointer per
  // node).
  template <class OnStart, class OnEnd, class OnXmlError>
  void walk(OnStart&& on_start, OnEnd&& on_end, OnXmlError&& on_xml_error) {
    for (auto e = next(); e != event::end_of_document; e = next()) {
      if (e == event::start) {
        on_start();
      } else if (e == event::end) {
        on_end();
      } else {
        on_xml_error();
        fail_xml_error();
      }
    }
  }
  template <class OnStart, class OnEnd>
  void walk(OnStart&& on_start, OnEnd&& on_end) {
    walk(on_start, on_end, [] {});
  }

  // At `end`: the element's own text, trimmed (see next()).
  std::string_view text() const noexcept { return trim_xml_space(text_); }

  std::string_view local_name() const {
    return xml_view(xmlTextReaderConstLocalName(reader_.get()));
  }
  std::string_view namespace_uri() const {
    return xml_view(xmlTextReaderConstNamespaceUri(reader_.get()));
  }
  // The interned namespace string: every element of a document shares it, so a pointer
  // comparison stands for comparing the text.
  const void* namespace_identity() const { return xmlTextReaderConstNamespaceUri(reader_.get()); }
  // The document's encoding as libxml2 knows it, if it does.
  std::optional<std::string_view> encoding() const {
    const xmlChar* e = xmlTextReaderConstEncoding(reader_.get());
    if (e == nullptr) return std::nullopt;
    return xml_view(e);
  }
  // An attribute of the element at `start`; "" when absent.
  std::string attribute(const char* name) const {
    xmlChar* v = xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
    if (v == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
  }

  // The line of the node being read (the parser itself may be further ahead in its buffer).
  std::uint64_t line() const {
    const xmlNodePtr node = xmlTextReaderCurrentNode(reader_.get());
    long l = node != nullptr ? xmlGetLineNo(node) : -1;
    if (l <= 0) l = xmlTextReaderGetParserLineNumber(reader_.get());
    return l > 0 ? static_cast<std::uint64_t>(l) : 0;
  }
  // Where libxml2 saw the error of an `xml_error` event.
  std::uint64_t error_line() const {
    return error_.line > 0 ? static_cast<std::uint64_t>(error_.line) : line();
  }

  // Throws VALIDATION "<prefix>.<what>" at the current line.
  [[noreturn]] void fail_at_line(std::string_view what, std::string message) const {
    fail(std::string(settings_.code_prefix) + "." + std::string(what), line(),
         std::move(message));
  }

  // After `xml_error`: "<prefix>.encoding_invalid" for bytes that are not the encoding's,
  // else "<prefix>.xml_malformed", with libxml2's first message.
  [[noreturn]] void fail_xml_error() const {
    const std::string prefix(settings_.code_prefix);
    const auto code = error_.code;
    if (code == XML_ERR_INVALID_CHAR || code == XML_ERR_INVALID_ENCODING ||
        code == XML_ERR_UNKNOWN_ENCODING || code == XML_ERR_UNSUPPORTED_ENCODING ||
        (code >= XML_I18N_NO_NAME && code <= XML_I18N_NO_OUTPUT)) {
      fail(prefix + ".encoding_invalid", error_line(), "not valid UTF-8 text: " + error_.message);
    }
    fail(prefix + ".xml_malformed", error_line(),
         error_.set ? error_.message : std::string("the XML document is not well-formed"));
  }

 private:
  // libxml2's first error, kept for the failure message.
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
      self->message =
          e->message != nullptr ? std::string(trim_xml_space(e->message)) : "unknown XML error";
    }
  };
  struct reader_deleter {
    void operator()(xmlTextReader* r) const noexcept { xmlFreeTextReader(r); }
  };

  std::unique_ptr<xmlTextReader, reader_deleter> reader_;
  xml_guard_settings settings_;
  first_error error_;
  std::string text_;
  bool empty_element_open_ = false;  // the last start was an empty element: its end is next
  bool ended_ = false;               // the last event was an end
};

}  // namespace erpc::banking::detail
