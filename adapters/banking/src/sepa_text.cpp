// SPDX-License-Identifier: Apache-2.0
// SEPA character set and transliteration: EPC SCT implementation guidelines, "Character set"
// (the basic Latin set every SEPA bank accepts; other characters are transliterated by the
// initiating party). Reference checks: ISO 11649 (RF) and ISO 13616 (IBAN), both mod-97.
#include <erpc/banking/sepa_rules.hpp>

#include <array>
#include <cstdint>

namespace erpc::banking {
namespace {

// U+00C0..U+00FF.
constexpr std::array<const char*, 64> latin1_supplement{
    "A", "A", "A", "A", "Ae", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O",  "O", "Oe", "x", "O", "U", "U", "U", "Ue", "Y", "Th", "ss",
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o",  "o", "oe", ":", "o", "u", "u", "u", "ue", "y", "th", "y"};

// U+0100..U+017F (Latin Extended-A): the base letter of each.
constexpr std::array<const char*, 128> latin_extended_a{
    "A", "a", "A", "a", "A",  "a",  "C", "c", "C",  "c",  "C", "c", "C", "c", "D", "d",
    "D", "d", "E", "e", "E",  "e",  "E", "e", "E",  "e",  "E", "e", "G", "g", "G", "g",
    "G", "g", "G", "g", "H",  "h",  "H", "h", "I",  "i",  "I", "i", "I", "i", "I", "i",
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k",  "L",  "l", "L", "l", "L", "l", "L",
    "l", "L", "l", "N", "n",  "N",  "n", "N", "n",  "n",  "N", "n", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R",  "r",  "S", "s", "S", "s", "S", "s",
    "S", "s", "T", "t", "T",  "t",  "T", "t", "U",  "u",  "U", "u", "U", "u", "U", "u",
    "U", "u", "U", "u", "W",  "w",  "Y", "y", "Y",  "Z",  "z", "Z", "z", "Z", "z", "s"};

// Decodes one UTF-8 sequence at text[i]; false for malformed input.
bool decode_utf8(std::string_view text, std::size_t& i, std::uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  int extra = 0;
  if (b0 < 0x80) {
    cp = b0;
  } else if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2) {
    cp = b0 & 0x1F;
    extra = 1;
  } else if ((b0 & 0xF0) == 0xE0) {
    cp = b0 & 0x0F;
    extra = 2;
  } else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4) {
    cp = b0 & 0x07;
    extra = 3;
  } else {
    return false;
  }
  if (i + static_cast<std::size_t>(extra) >= text.size()) return false;
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return false;
  }
  i += static_cast<std::size_t>(extra) + 1;
  return true;
}

// ASCII outside the SEPA set.
char ascii_replacement(char c) {
  switch (c) {
    case '&': return '+';
    case '_': return '-';
    case '"':
    case '`': return '\'';
    case '[':
    case '{':
    case '<': return '(';
    case ']':
    case '}':
    case '>': return ')';
    default: return '.';
  }
}

int alnum_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return -1;
}

// ISO 7064 mod 97-10 over `rearranged` (letters as two digits).
bool mod97_is_one(std::string_view head, std::string_view tail) {
  int remainder = 0;
  const auto feed = [&](std::string_view part) {
    for (const char c : part) {
      if (c == ' ') continue;
      const int v = alnum_value(c);
      if (v < 0) return false;
      remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
    }
    return true;
  };
  return feed(tail) && feed(head) && remainder == 1;
}

}  // namespace

bool is_sepa_character(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '/': case '-': case '?': case ':': case '(': case ')': case '.': case ',':
    case '\'': case '+': case ' ':
      return true;
    default: return false;
  }
}

bool is_sepa_text(std::string_view text) noexcept {
  for (const char c : text) {
    if (!is_sepa_character(c)) return false;
  }
  return true;
}

std::optional<std::string> transliterate_to_sepa(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::uint32_t cp = 0;
    if (!decode_utf8(utf8, i, cp)) return std::nullopt;
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (cp < 0x20 || cp == 0x7F) {
        out += ' ';
      } else {
        out += is_sepa_character(c) ? c : ascii_replacement(c);
      }
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      out += latin1_supplement[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
      out += latin_extended_a[cp - 0x100];
    } else if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A)) {
      out += ' ';  // no-break and typographic spaces
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x00B4 ||
               cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB || cp == 0x00BB) {
      out += '\'';
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014) {
      out += '-';
    } else if (cp == 0x20AC) {
      out += "EUR";
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool is_sepa_identifier(std::string_view id) noexcept {
  if (id.empty() || id.size() > 35) return false;
  if (id.front() == '/' || id.back() == '/' || id.find("//") != std::string_view::npos) {
    return false;
  }
  for (const char c : id) {
    if (c == ' ' || !is_sepa_character(c)) return false;
  }
  return true;
}

bool is_valid_rf_reference(std::string_view reference) noexcept {
  std::string compact;
  for (const char c : reference) {
    if (c != ' ') compact += c;
  }
  if (compact.size() < 5 || compact.size() > 25) return false;
  if (compact[0] != 'R' || compact[1] != 'F') return false;
  if (alnum_value(compact[2]) < 0 || alnum_value(compact[2]) > 9 || alnum_value(compact[3]) < 0 ||
      alnum_value(compact[3]) > 9) {
    return false;
  }
  for (std::size_t k = 4; k < compact.size(); ++k) {
    if (alnum_value(compact[k]) < 0) return false;
  }
  const std::string_view v(compact);
  return mod97_is_one(v.substr(0, 4), v.substr(4));
}

bool is_valid_iban(std::string_view iban) noexcept {
  if (iban.size() < 5 || iban.size() > 34) return false;
  if (iban[0] < 'A' || iban[0] > 'Z' || iban[1] < 'A' || iban[1] > 'Z') return false;
  if (iban[2] < '0' || iban[2] > '9' || iban[3] < '0' || iban[3] > '9') return false;
  for (const char c : iban) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return mod97_is_one(iban.substr(0, 4), iban.substr(4));
}

}  // namespace erpc::banking
