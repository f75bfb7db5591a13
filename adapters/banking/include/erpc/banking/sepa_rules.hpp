// SPDX-License-Identifier: Apache-2.0
// SEPA text and reference rules the pain.001 writer enforces (BANKING.md "SEPA batch rules"):
// the SEPA Latin character set with transliteration, ISO 11649 RF creditor references and
// IBANs checked mod-97.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace erpc::banking {

// The basic SEPA character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
bool is_sepa_character(char c) noexcept;
bool is_sepa_text(std::string_view text) noexcept;

// UTF-8 text in the SEPA character set: accented Latin letters lose their accent (é → e),
// German umlauts and ß become ae/oe/ue/ss, & becomes +, other ASCII punctuation becomes a space
// or '.', and control characters become spaces. std::nullopt when a character has no Latin
// transliteration (Greek, Cyrillic, CJK, ...) or the text is not UTF-8: such a name must be
// given in Latin script by a person, never guessed.
std::optional<std::string> transliterate_to_sepa(std::string_view utf8);

// Identifiers (MsgId, PmtInfId, InstrId, EndToEndId): SEPA characters, 1..35 long, not starting
// or ending with '/' and without "//" (EPC implementation guidelines).
bool is_sepa_identifier(std::string_view id) noexcept;

// ISO 11649 "RF" + 2 check digits + 1..21 alphanumerics, mod-97 == 1 (spaces ignored).
bool is_valid_rf_reference(std::string_view reference) noexcept;

// ISO 13616: 2 letters, 2 check digits, up to 30 alphanumerics, mod-97 == 1.
bool is_valid_iban(std::string_view iban) noexcept;

}  // namespace erpc::banking
