#include <erpc/error.hpp>
#include <erpc/host/frame_pipe.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <fcntl.h>
#include <unistd.h>

using namespace erpc;
using std::chrono::milliseconds;
using steady = std::chrono::steady_clock;

namespace {

// A frame_pipe reading from one pipe and writing to another, plus the raw far ends.
struct pipes {
  int to_us[2] = {-1, -1};    // raw writer -> frame_pipe reader
  int from_us[2] = {-1, -1};  // frame_pipe writer -> raw reader
  std::unique_ptr<frame_pipe> pipe;

  explicit pipes(std::size_t max_bytes = 1024) {
    REQUIRE(::pipe2(to_us, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(from_us, O_CLOEXEC | O_NONBLOCK) == 0);
    pipe = std::make_unique<frame_pipe>(to_us[0], from_us[1], json_limits{max_bytes, 8});
  }
  ~pipes() {
    if (to_us[1] >= 0) ::close(to_us[1]);
    if (from_us[0] >= 0) ::close(from_us[0]);
  }
  void raw(const std::string& bytes) {
    REQUIRE(::write(to_us[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  }
  void close_writer() {
    ::close(to_us[1]);
    to_us[1] = -1;
  }
  void close_reader() {
    ::close(from_us[0]);
    from_us[0] = -1;
  }
};

std::string framed(const std::string& text) {
  const auto n = static_cast<std::uint32_t>(text.size());
  std::string out{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                  static_cast<char>(n >> 8), static_cast<char>(n)};
  return out + text;
}

std::string read_code(frame_pipe& p, frame_pipe::deadline until = std::nullopt) {
  try {
    p.read(until);
  } catch (const error& e) {
    return e.code();
  }
  return "";
}

}  // namespace

TEST_CASE("frames cross a pipe intact, several per read") {
  pipes p;
  // Our own writer end feeds our reader: loop it back through the raw pipe.
  frame_pipe writer(-1, p.to_us[1], json_limits{1024, 8});
  writer.write({{"type", "execute"}, {"n", 1}});
  writer.write_text(R"({"type":"answer","text":"ünïcode"})");
  p.to_us[1] = -1;  // owned by `writer` now
  const auto first = p.pipe->read();
  const auto second = p.pipe->read();
  REQUIRE(first["type"] == "execute");
  REQUIRE(first["n"] == 1);
  REQUIRE(second["text"] == "ünïcode");
}

TEST_CASE("an oversized or zero length is a bad frame before any body is read") {
  pipes p(64);
  p.raw(std::string("\xff\xff\xff\xff", 4));
  REQUIRE(read_code(*p.pipe) == "isolation.bad_frame");
  pipes q(64);
  q.raw(framed(std::string(65, 'x')).substr(0, 4));
  REQUIRE(read_code(*q.pipe) == "isolation.bad_frame");
  pipes z;
  z.raw(std::string(4, '\0'));
  REQUIRE(read_code(*z.pipe) == "isolation.bad_frame");
}

TEST_CASE("text the strict parser refuses, or no type, is a bad frame") {
  for (const std::string text :
       {"not json", R"({"type":"a","type":"b"})", R"({"type":"a","x":1.5})", "[1,2]",
        R"({"kind":"answer"})", R"({"type":7})", R"([[[[[[[[[[]]]]]]]]]])", "\"\xff\""}) {
    pipes p;
    p.raw(framed(text));
    INFO(text);
    REQUIRE(read_code(*p.pipe) == "isolation.bad_frame");
  }
}

TEST_CASE("end of file, also inside a frame, is pipe_closed") {
  pipes p;
  p.close_writer();
  REQUIRE(read_code(*p.pipe) == "isolation.pipe_closed");
  pipes q;
  q.raw(framed(R"({"type":"answer"})").substr(0, 10));
  q.close_writer();
  REQUIRE(read_code(*q.pipe) == "isolation.pipe_closed");
}

TEST_CASE("a read waits no longer than its deadline, even for a trickled frame") {
  pipes p;
  p.raw(framed(R"({"type":"answer"})").substr(0, 6));
  const auto start = steady::now();
  REQUIRE(read_code(*p.pipe, start + milliseconds(100)) == "isolation.timeout");
  const auto took = steady::now() - start;
  REQUIRE(took >= milliseconds(100));
  REQUIRE(took < milliseconds(1000));
}

TEST_CASE("writing to a gone reader is pipe_closed, and the process lives on") {
  pipes p;
  p.close_reader();
  try {
    p.pipe->write({{"type", "execute"}});
    FAIL("the write succeeded");
  } catch (const error& e) {
    REQUIRE(e.code() == "isolation.pipe_closed");
  }
}

TEST_CASE("a reader that does not drain the pipe makes a write time out") {
  pipes p(std::size_t{4} << 20);
  const std::string big = R"({"type":"x","pad":")" + std::string(std::size_t{2} << 20, 'a') + "\"}";
  const auto start = steady::now();
  try {
    p.pipe->write_text(big, start + milliseconds(100));
    FAIL("the write succeeded");
  } catch (const error& e) {
    REQUIRE(e.code() == "isolation.timeout");
  }
  REQUIRE(steady::now() - start < milliseconds(1000));
}

TEST_CASE("a frame beyond the limit is refused on the writing side too") {
  pipes p(16);
  try {
    p.pipe->write_text(R"({"type":"execute","x":"0123456789"})");
    FAIL("the write succeeded");
  } catch (const error& e) {
    REQUIRE(e.code() == "isolation.bad_frame");
  }
}
