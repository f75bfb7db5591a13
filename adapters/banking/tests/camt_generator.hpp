// A camt.053.001.08 document of any size, produced on the fly as an std::streambuf: a header,
// `entries` booked credits of 1.00 EUR each, and a closing balance that adds up. Nothing is
// held in memory but one entry's text, so a 200 MB file costs the test no memory of its own.
#pragma once

#include <cstdint>
#include <cstdio>
#include <streambuf>
#include <string>
#include <vector>

namespace erpc::banking::test {

class camt_generator : public std::streambuf {
 public:
  explicit camt_generator(std::uint64_t entries) : entries_(entries) {
    chunk_ = header();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
  }

  // Bytes per entry, to size a file.
  static std::uint64_t entry_bytes() { return entry(0).size(); }

  static std::string entry(std::uint64_t n) {
    char ref[32];
    std::snprintf(ref, sizeof ref, "REF%012llu", static_cast<unsigned long long>(n));
    return std::string(
               "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd>"
               "</Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt>"
               "<AcctSvcrRef>") +
           ref +
           "</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT"
           "</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>E2E-" +
           ref +
           "</EndToEndId></Refs><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
           "<RltdPties><Dbtr><Pty><Nm>Customer Ltd</Nm></Pty></Dbtr></RltdPties><RmtInf>"
           "<Ustrd>Invoice payment</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (done_) return traits_type::eof();
    if (next_ < entries_) {
      // A few hundred entries a refill, each the template with its reference digits patched in
      // place, keeps the generator's own cost small next to the reader's.
      if (template_.empty()) {
        template_ = entry(0);
        for (auto at = template_.find("REF"); at != std::string::npos;
             at = template_.find("REF", at + 1)) {
          digit_offsets_.push_back(at + 3);
        }
      }
      chunk_.clear();
      for (int i = 0; i < 256 && next_ < entries_; ++i) {
        const auto at = chunk_.size();
        chunk_ += template_;
        std::uint64_t n = next_++;
        for (int d = 11; d >= 0; --d, n /= 10) {
          for (const auto offset : digit_offsets_) {
            chunk_[at + offset + static_cast<std::size_t>(d)] = static_cast<char>('0' + n % 10);
          }
        }
      }
    } else {
      chunk_ = footer();
      done_ = true;
    }
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string header() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
           "<GrpHdr><MsgId>BIG-1</MsgId><CreDtTm>2026-03-03T02:00:00</CreDtTm></GrpHdr><Stmt>"
           "<Id>BIG-STMT-1</Id><ElctrncSeqNb>1</ElctrncSeqNb>"
           "<Acct><Id><IBAN>DE44500105175407324931</IBAN></Id><Ccy>EUR</Ccy></Acct>"
           "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">0.00</Amt>"
           "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>"
           "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" +
           std::to_string(entries_) +
           ".00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>\n";
  }
  static std::string footer() { return "</Stmt></BkToCstmrStmt></Document>\n"; }

  std::uint64_t entries_;
  std::uint64_t next_ = 0;
  bool done_ = false;
  std::string chunk_;
  std::string template_;
  std::vector<std::size_t> digit_offsets_;
};

}  // namespace erpc::banking::test
