// SPDX-License-Identifier: Apache-2.0
#include <erpc/error.hpp>
#include <erpc/host/elf_symbol_versions.hpp>

#include <elf.h>

#include <cstring>

namespace erpc {
namespace {

// Caps that keep hostile counts from turning into long loops; real libraries are far below.
constexpr std::size_t max_sections = 65535;
constexpr std::size_t max_chain_entries = 4096;
constexpr std::size_t max_dynamic_entries = 16384;
constexpr std::size_t max_symbols = 1u << 20;

[[noreturn]] void malformed(const std::string& why) {
  throw error(error_class::configuration, "loader.not_a_shared_library",
              "not a loadable shared library: " + why);
}

[[noreturn]] void wrong_architecture(const std::string& why) {
  throw error(error_class::configuration, "loader.wrong_architecture",
              "built for another architecture: " + why);
}

std::string hex(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[v & 0xf]);
    v >>= 4;
  } while (v != 0);
  return "0x" + out;
}

class image_view {
 public:
  explicit image_view(std::span<const std::byte> bytes) : bytes_(bytes) {}

  bool contains(std::uint64_t offset, std::uint64_t size) const noexcept {
    return offset <= bytes_.size() && size <= bytes_.size() - offset;
  }

  void require(std::uint64_t offset, std::uint64_t size, const char* what) const {
    if (!contains(offset, size)) {
      malformed(std::string(what) + " at offset " + hex(offset) + " (" + std::to_string(size) +
                " bytes) lies outside the file (" + std::to_string(bytes_.size()) + " bytes)");
    }
  }

  template <class T>
  T read(std::uint64_t offset, const char* what) const {
    require(offset, sizeof(T), what);
    T value;
    std::memcpy(&value, bytes_.data() + offset, sizeof(T));
    return value;
  }

  std::size_t size() const noexcept { return bytes_.size(); }

  const std::byte* at(std::uint64_t offset, std::uint64_t size, const char* what) const {
    require(offset, size, what);
    return bytes_.data() + offset;
  }

 private:
  std::span<const std::byte> bytes_;
};

// A string table section: every string must end inside the section.
class string_table {
 public:
  string_table(const image_view& image, std::uint64_t offset, std::uint64_t size)
      : image_(image), offset_(offset), size_(size) {
    image_.require(offset, size, "string table");
  }

  std::string at(std::uint64_t index, const char* what) const {
    if (index >= size_) {
      malformed(std::string(what) + " names string " + std::to_string(index) +
                " beyond its string table (" + std::to_string(size_) + " bytes)");
    }
    const auto* first = reinterpret_cast<const char*>(image_.at(offset_ + index, 1, what));
    const auto length = static_cast<std::size_t>(size_ - index);
    if (const auto* nul = static_cast<const char*>(std::memchr(first, 0, length))) {
      return std::string(first, nul);
    }
    malformed(std::string(what) + " string is not terminated inside its string table");
  }

 private:
  const image_view& image_;
  std::uint64_t offset_;
  std::uint64_t size_;
};

struct section {
  Elf64_Shdr header;
};

class elf_reader {
 public:
  explicit elf_reader(std::span<const std::byte> bytes) : image_(bytes) {}

  elf_dynamic_info read() {
    check_identification();
    header_ = image_.read<Elf64_Ehdr>(0, "ELF header");
    elf_dynamic_info info;
    info.machine = header_.e_machine;
    info.type = header_.e_type;
    if (header_.e_machine != host_elf_machine()) {
      wrong_architecture("e_machine is " + std::to_string(header_.e_machine) + ", this host is " +
                         std::to_string(host_elf_machine()));
    }
    if (header_.e_type != ET_DYN) {
      malformed("ELF type is " + std::to_string(header_.e_type) + ", not ET_DYN (3)");
    }
    check_program_headers();
    read_sections();
    for (const auto& s : sections_) {
      switch (s.header.sh_type) {
        case SHT_DYNAMIC:
          read_dynamic(s, info);
          break;
        case SHT_GNU_verneed:
          read_version_needs(s, info);
          break;
        case SHT_GNU_verdef:
          read_version_definitions(s, info);
          break;
        case SHT_DYNSYM:
          read_dynamic_symbols(s, info);
          break;
        default:
          break;
      }
    }
    return info;
  }

 private:
  void check_identification() {
    if (image_.size() == 0) malformed("the file is empty");
    if (image_.size() < EI_NIDENT ||
        std::memcmp(image_.at(0, SELFMAG, "magic"), ELFMAG, SELFMAG) != 0) {
      malformed("no ELF magic (a text file or another format)");
    }
    const auto cls = image_.read<unsigned char>(EI_CLASS, "ELF class");
    const auto data = image_.read<unsigned char>(EI_DATA, "ELF data encoding");
    if (cls == ELFCLASS32) wrong_architecture("a 32-bit (ELFCLASS32) library");
    if (cls != ELFCLASS64) malformed("unknown ELF class " + std::to_string(cls));
    if (data == ELFDATA2MSB) wrong_architecture("a big-endian library");
    if (data != ELFDATA2LSB) malformed("unknown ELF data encoding " + std::to_string(data));
    if (image_.size() < sizeof(Elf64_Ehdr)) {
      malformed("truncated inside the ELF header (" + std::to_string(image_.size()) + " bytes)");
    }
  }

  // What glibc itself checks before mapping: every PT_LOAD segment lies inside the file.
  void check_program_headers() {
    if (header_.e_phnum == 0) malformed("no program headers");
    if (header_.e_phentsize != sizeof(Elf64_Phdr)) {
      malformed("program header size " + std::to_string(header_.e_phentsize));
    }
    for (std::uint64_t i = 0; i < header_.e_phnum; ++i) {
      const auto ph =
          image_.read<Elf64_Phdr>(header_.e_phoff + i * sizeof(Elf64_Phdr), "program header");
      if (ph.p_type == PT_LOAD) image_.require(ph.p_offset, ph.p_filesz, "PT_LOAD segment");
    }
  }

  void read_sections() {
    if (header_.e_shnum == 0) return;
    if (header_.e_shentsize != sizeof(Elf64_Shdr)) {
      malformed("section header size " + std::to_string(header_.e_shentsize));
    }
    if (header_.e_shnum > max_sections) malformed("too many sections");
    image_.require(header_.e_shoff, std::uint64_t{header_.e_shnum} * sizeof(Elf64_Shdr),
                   "section header table");
    sections_.reserve(header_.e_shnum);
    for (std::uint64_t i = 0; i < header_.e_shnum; ++i) {
      sections_.push_back(
          {image_.read<Elf64_Shdr>(header_.e_shoff + i * sizeof(Elf64_Shdr), "section header")});
      const auto& sh = sections_.back().header;
      if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL) {
        image_.require(sh.sh_offset, sh.sh_size, "section");
      }
    }
  }

  string_table linked_strings(const section& s) const {
    if (s.header.sh_link >= sections_.size()) {
      malformed("section links to string table " + std::to_string(s.header.sh_link) +
                " which does not exist");
    }
    const auto& strtab = sections_[s.header.sh_link].header;
    if (strtab.sh_type != SHT_STRTAB) malformed("linked section is not a string table");
    return string_table(image_, strtab.sh_offset, strtab.sh_size);
  }

  void read_dynamic(const section& s, elf_dynamic_info& info) const {
    const auto strings = linked_strings(s);
    const std::uint64_t count = s.header.sh_size / sizeof(Elf64_Dyn);
    if (count > max_dynamic_entries) malformed("too many dynamic entries");
    for (std::uint64_t i = 0; i < count; ++i) {
      const auto dyn =
          image_.read<Elf64_Dyn>(s.header.sh_offset + i * sizeof(Elf64_Dyn), "dynamic entry");
      if (dyn.d_tag == DT_NULL) break;
      if (dyn.d_tag == DT_NEEDED) info.needed.push_back(strings.at(dyn.d_un.d_val, "DT_NEEDED"));
      if (dyn.d_tag == DT_SONAME) info.soname = strings.at(dyn.d_un.d_val, "DT_SONAME");
    }
  }

  // Walks a chain of records linked by relative "next" offsets. Offsets only move forward
  // (unsigned) and the count is capped, so a hostile chain cannot loop.
  void read_version_needs(const section& s, elf_dynamic_info& info) const {
    const auto strings = linked_strings(s);
    std::uint64_t offset = s.header.sh_offset;
    const std::uint64_t end = s.header.sh_offset + s.header.sh_size;
    for (std::size_t n = 0; n < max_chain_entries; ++n) {
      if (offset + sizeof(Elf64_Verneed) > end) malformed("version need outside its section");
      const auto need = image_.read<Elf64_Verneed>(offset, "version need");
      if (need.vn_version != 1)
        malformed("version need revision " + std::to_string(need.vn_version));
      elf_version_need entry{strings.at(need.vn_file, "version need file"), {}};
      std::uint64_t aux_offset = offset + need.vn_aux;
      for (std::uint64_t a = 0; a < need.vn_cnt; ++a) {
        if (a >= max_chain_entries || aux_offset + sizeof(Elf64_Vernaux) > end) {
          malformed("version need entry outside its section");
        }
        const auto aux = image_.read<Elf64_Vernaux>(aux_offset, "version need entry");
        entry.versions.push_back(strings.at(aux.vna_name, "version need name"));
        if (aux.vna_next == 0) break;
        aux_offset += aux.vna_next;
      }
      info.version_needs.push_back(std::move(entry));
      if (need.vn_next == 0) return;
      offset += need.vn_next;
    }
    malformed("version need chain too long");
  }

  void read_version_definitions(const section& s, elf_dynamic_info& info) const {
    const auto strings = linked_strings(s);
    std::uint64_t offset = s.header.sh_offset;
    const std::uint64_t end = s.header.sh_offset + s.header.sh_size;
    for (std::size_t n = 0; n < max_chain_entries; ++n) {
      if (offset + sizeof(Elf64_Verdef) > end) malformed("version definition outside its section");
      const auto def = image_.read<Elf64_Verdef>(offset, "version definition");
      if (def.vd_version != 1) {
        malformed("version definition revision " + std::to_string(def.vd_version));
      }
      // The first aux entry names the version itself; the rest name its parents.
      if (def.vd_cnt > 0 && (def.vd_flags & VER_FLG_BASE) == 0) {
        const std::uint64_t aux_offset = offset + def.vd_aux;
        if (aux_offset + sizeof(Elf64_Verdaux) > end) {
          malformed("version definition name outside its section");
        }
        const auto aux = image_.read<Elf64_Verdaux>(aux_offset, "version definition name");
        info.version_definitions.push_back(strings.at(aux.vda_name, "version definition name"));
      }
      if (def.vd_next == 0) return;
      offset += def.vd_next;
    }
    malformed("version definition chain too long");
  }

  void read_dynamic_symbols(const section& s, elf_dynamic_info& info) const {
    const auto strings = linked_strings(s);
    const std::uint64_t count = s.header.sh_size / sizeof(Elf64_Sym);
    if (count > max_symbols) malformed("too many dynamic symbols");
    for (std::uint64_t i = 1; i < count; ++i) {
      const auto sym =
          image_.read<Elf64_Sym>(s.header.sh_offset + i * sizeof(Elf64_Sym), "dynamic symbol");
      const auto binding = ELF64_ST_BIND(sym.st_info);
      if (sym.st_shndx == SHN_UNDEF || sym.st_shndx == SHN_ABS) continue;
      if (binding != STB_GLOBAL && binding != STB_WEAK && binding != STB_GNU_UNIQUE) continue;
      info.defined_symbols.push_back(strings.at(sym.st_name, "dynamic symbol name"));
    }
  }

  image_view image_;
  Elf64_Ehdr header_{};
  std::vector<section> sections_;
};

}  // namespace

std::uint16_t host_elf_machine() noexcept {
#if defined(__x86_64__)
  return EM_X86_64;
#elif defined(__aarch64__)
  return EM_AARCH64;
#else
#error "erpconnect supports Linux x86-64 (and builds on aarch64); add the e_machine here"
#endif
}

elf_dynamic_info read_elf_dynamic_info(std::span<const std::byte> image) {
  return elf_reader(image).read();
}

}  // namespace erpc
