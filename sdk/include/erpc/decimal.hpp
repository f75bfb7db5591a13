// SPDX-License-Identifier: Apache-2.0
// erpc::decimal — an exact decimal number on integers for money, rates and prices. Never a float.
//
// value = coefficient × 10^-scale, coefficient a signed 128-bit integer with at most 38 digits
// (|coefficient| ≤ 10^38 − 1, so negation never overflows), scale 0..18. The scale is kept as
// written ("1234.50" has scale 2) because the ledger minor-unit rule looks at it; comparisons are
// by value (1.5 == 1.50), same_representation() compares coefficient and scale.
//
// Errors: parse/from_parts/rescale return std::nullopt for input that does not fit. Arithmetic
// that leaves the range throws erpc::error(INTERNAL, "decimal.overflow"); a scale outside 0..18
// passed to round()/multiply() throws erpc::error(INTERNAL, "decimal.invalid_scale").
#pragma once

#include <erpc/detail/int128.hpp>
#include <erpc/error.hpp>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace erpc {

enum class rounding {
  half_even,  // banker's rounding: 2.345 → 2.34, 2.355 → 2.36
  half_up,    // half away from zero: 2.345 → 2.35, -2.345 → -2.35
  down,       // toward zero (truncate)
};

class decimal {
 public:
  using coefficient_type = detail::int128;
  static constexpr int max_scale = 18;
  static constexpr int max_digits = 38;

  constexpr decimal() noexcept = default;

  static constexpr decimal from_int(std::int64_t value) noexcept { return decimal(value, 0); }

  // `coefficient` × 10^-scale; nullopt when the coefficient has more than 38 digits or the scale
  // is outside 0..18. `from_minor_units(123450, 2)` is 1234.50 (BAI2 implied decimals).
  static constexpr std::optional<decimal> from_parts(coefficient_type coefficient, int scale) {
    if (scale < 0 || scale > max_scale || !in_range(coefficient)) return std::nullopt;
    return decimal(coefficient, scale);
  }
  static constexpr std::optional<decimal> from_minor_units(std::int64_t units, int scale) {
    return from_parts(units, scale);
  }

  // Accepts exactly -?(0|[1-9][0-9]*)(\.[0-9]{1,18})? with at most 38 digits in total.
  // "-0" and "-0.00" are accepted and are zero (the sign of zero is not kept).
  static constexpr std::optional<decimal> parse(std::string_view text) noexcept {
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++i;
    const std::size_t int_begin = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    const std::size_t int_digits = i - int_begin;
    if (int_digits == 0) return std::nullopt;
    if (int_digits > 1 && text[int_begin] == '0') return std::nullopt;
    std::size_t frac_digits = 0;
    if (i < text.size() && text[i] == '.') {
      const std::size_t frac_begin = ++i;
      while (i < text.size() && is_digit(text[i])) ++i;
      frac_digits = i - frac_begin;
      if (frac_digits == 0 || frac_digits > static_cast<std::size_t>(max_scale)) {
        return std::nullopt;
      }
    }
    if (i != text.size()) return std::nullopt;

    coefficient_type c = 0;
    if (int_digits + frac_digits <= 18) {
      // Up to 18 digits fit a uint64_t and can never exceed max_coefficient(): no per-digit
      // 128-bit overflow check (a division) is needed. Amounts are nearly always this short.
      std::uint64_t small = 0;
      for (std::size_t k = int_begin; k < text.size(); ++k) {
        if (text[k] != '.') small = small * 10 + static_cast<std::uint64_t>(text[k] - '0');
      }
      c = static_cast<coefficient_type>(small);
    } else {
      for (std::size_t k = int_begin; k < text.size(); ++k) {
        if (text[k] == '.') continue;
        const int d = text[k] - '0';
        if (c > (max_coefficient() - d) / 10) return std::nullopt;
        c = c * 10 + d;
      }
    }
    return decimal(negative ? -c : c, static_cast<int>(frac_digits));
  }

  // Plain notation with exactly scale() fraction digits: "1234.50", "-0.5", "10".
  std::string to_string() const {
    const auto s = static_cast<std::size_t>(scale_);
    std::string digits = detail::magnitude_digits(coefficient_, s + 1);
    if (s > 0) digits.insert(digits.size() - s, 1, '.');
    if (coefficient_ < 0) digits.insert(0, 1, '-');
    return digits;
  }

  constexpr int scale() const noexcept { return scale_; }
  constexpr coefficient_type coefficient() const noexcept { return coefficient_; }
  constexpr bool is_zero() const noexcept { return coefficient_ == 0; }
  constexpr bool is_negative() const noexcept { return coefficient_ < 0; }
  constexpr int signum() const noexcept { return coefficient_ < 0 ? -1 : coefficient_ > 0; }
  constexpr decimal abs() const noexcept { return is_negative() ? -*this : *this; }

  // Trailing fraction zeros removed: 1234.50 → 1234.5, 10.00 → 10, 0.000 → 0.
  constexpr decimal normalized() const noexcept {
    decimal r = *this;
    while (r.scale_ > 0 && r.coefficient_ % 10 == 0) {
      r.coefficient_ /= 10;
      --r.scale_;
    }
    return r;
  }

  // The same value with `new_scale` fraction digits; nullopt if digits would be lost, the
  // coefficient would exceed 38 digits, or the scale is outside 0..18.
  constexpr std::optional<decimal> rescale(int new_scale) const noexcept {
    if (new_scale < 0 || new_scale > max_scale) return std::nullopt;
    if (new_scale >= scale_) {
      const coefficient_type f = detail::pow10(new_scale - scale_);
      if (detail::magnitude(coefficient_) > detail::magnitude(max_coefficient() / f)) {
        return std::nullopt;
      }
      return decimal(coefficient_ * f, new_scale);
    }
    const coefficient_type f = detail::pow10(scale_ - new_scale);
    if (coefficient_ % f != 0) return std::nullopt;
    return decimal(coefficient_ / f, new_scale);
  }

  // Rounds (or exactly extends) to `new_scale` fraction digits.
  decimal round(int new_scale, rounding mode) const {
    check_scale(new_scale);
    if (new_scale >= scale_) return extend_or_throw(new_scale);
    return decimal(divide_rounded(coefficient_, scale_ - new_scale, mode), new_scale);
  }

  // The value as an integer count of 10^-scale units, if exact and within int64
  // (e.g. minor units for a BAI2 or a vendor API that wants cents).
  constexpr std::optional<std::int64_t> to_minor_units(int scale) const noexcept {
    const auto r = rescale(scale);
    if (!r) return std::nullopt;
    if (r->coefficient_ > std::numeric_limits<std::int64_t>::max() ||
        r->coefficient_ < std::numeric_limits<std::int64_t>::min()) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(r->coefficient_);
  }

  constexpr decimal operator-() const noexcept { return decimal(-coefficient_, scale_); }

  // Sum and difference carry the larger scale of the two operands (1.5 + 0.25 = 1.75,
  // 1.50 + 1 = 2.50).
  friend decimal operator+(const decimal& a, const decimal& b) {
    const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const coefficient_type x = a.extend_or_throw(s).coefficient_;
    const coefficient_type y = b.extend_or_throw(s).coefficient_;
    coefficient_type r = 0;
    if (__builtin_add_overflow(x, y, &r) || !in_range(r)) throw overflow("addition");
    return decimal(r, s);
  }
  friend decimal operator-(const decimal& a, const decimal& b) { return a + (-b); }
  decimal& operator+=(const decimal& o) { return *this = *this + o; }
  decimal& operator-=(const decimal& o) { return *this = *this - o; }

  // Exact product with the summed scale (an FX rate of scale 6 × an amount of scale 2 has scale
  // 8); trailing zeros are dropped only if the summed scale would exceed 18. The caller rounds.
  friend decimal operator*(const decimal& a, const decimal& b) {
    coefficient_type p = 0;
    if (__builtin_mul_overflow(a.coefficient_, b.coefficient_, &p) || !in_range(p)) {
      throw overflow("multiplication");
    }
    int s = a.scale_ + b.scale_;
    while (s > max_scale && p % 10 == 0) {
      p /= 10;
      --s;
    }
    if (s > max_scale) throw overflow("multiplication scale");
    return decimal(p, s);
  }

  // a × b rounded once to `result_scale` (intermediate scale up to 36, so a 12-digit rate times
  // a 10-digit amount does not need the exact product to fit the 0..18 scale range).
  decimal multiply(const decimal& other, int result_scale, rounding mode) const {
    check_scale(result_scale);
    coefficient_type p = 0;
    if (__builtin_mul_overflow(coefficient_, other.coefficient_, &p) || !in_range(p)) {
      throw overflow("multiplication");
    }
    const int s = scale_ + other.scale_;
    if (s > result_scale) return decimal(divide_rounded(p, s - result_scale, mode), result_scale);
    return decimal(p, s).extend_or_throw(result_scale);
  }

  // Value equality and order: 1.5 == 1.50, -0.00 == 0.
  friend constexpr bool operator==(const decimal& a, const decimal& b) noexcept {
    return compare(a, b) == 0;
  }
  friend constexpr std::weak_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
    const int c = compare(a, b);
    return c < 0 ? std::weak_ordering::less
                 : c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent;
  }

  // Same coefficient and same scale: "1.50" and "1.5" are equal but not the same representation.
  constexpr bool same_representation(const decimal& o) const noexcept {
    return coefficient_ == o.coefficient_ && scale_ == o.scale_;
  }

 private:
  constexpr decimal(coefficient_type c, int s) noexcept : coefficient_(c), scale_(s) {}

  static constexpr coefficient_type max_coefficient() noexcept { return detail::pow10(38) - 1; }
  static constexpr bool in_range(coefficient_type c) noexcept {
    return c <= max_coefficient() && c >= -max_coefficient();
  }
  static constexpr bool is_digit(char ch) noexcept { return ch >= '0' && ch <= '9'; }

  static error overflow(std::string_view what) {
    return error(error_class::internal, "decimal.overflow",
                 "decimal " + std::string(what) + " exceeds 38 digits or scale 18");
  }
  static void check_scale(int s) {
    if (s < 0 || s > max_scale) {
      throw error(error_class::internal, "decimal.invalid_scale",
                  "decimal scale " + std::to_string(s) + " is outside 0..18");
    }
  }

  decimal extend_or_throw(int new_scale) const {
    const auto r = rescale(new_scale);
    if (!r) throw overflow("rescale");
    return *r;
  }

  // c / 10^digits rounded by `mode`; digits ≤ 36, so 10^digits and the remainder arithmetic fit.
  static constexpr coefficient_type divide_rounded(coefficient_type c, int digits,
                                                   rounding mode) noexcept {
    const coefficient_type d = detail::pow10(digits);
    coefficient_type q = c / d;
    const coefficient_type r = c % d;
    if (r == 0 || mode == rounding::down) return q;
    const coefficient_type rem = r < 0 ? -r : r;
    const coefficient_type rest = d - rem;
    const bool away = rem > rest || (rem == rest && (mode == rounding::half_up || q % 2 != 0));
    if (away) q += c < 0 ? -1 : 1;
    return q;
  }

  // Integer part and fraction (scaled to 18 digits) compared in that order; both carry the
  // value's sign, so the lexicographic order is the numeric order and nothing can overflow.
  static constexpr int compare(const decimal& a, const decimal& b) noexcept {
    const coefficient_type fa = detail::pow10(a.scale_);
    const coefficient_type fb = detail::pow10(b.scale_);
    const coefficient_type ia = a.coefficient_ / fa;
    const coefficient_type ib = b.coefficient_ / fb;
    if (ia != ib) return ia < ib ? -1 : 1;
    const coefficient_type ra = (a.coefficient_ % fa) * detail::pow10(max_scale - a.scale_);
    const coefficient_type rb = (b.coefficient_ % fb) * detail::pow10(max_scale - b.scale_);
    if (ra != rb) return ra < rb ? -1 : 1;
    return 0;
  }

  coefficient_type coefficient_ = 0;
  int scale_ = 0;
};

}  // namespace erpc
