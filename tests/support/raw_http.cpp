#include "support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdexcept>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

namespace erpc::testing {

std::string raw_http_response::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (::strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  }
  return {};
}

raw_http_response raw_http(std::uint16_t port, const std::string& method,
                           const std::string& target,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect to port " + std::to_string(port) + " failed");
  }
  std::string request = method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::write(fd, request.data() + sent, request.size() - sent);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("write failed");
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string text;
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  ::close(fd);

  raw_http_response r;
  const auto head_end = text.find("\r\n\r\n");
  if (text.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) {
    throw std::runtime_error("no HTTP answer");
  }
  r.status = std::stoi(text.substr(9, 3));
  std::size_t pos = text.find("\r\n") + 2;
  while (pos < head_end) {
    const auto eol = text.find("\r\n", pos);
    const auto line = text.substr(pos, eol - pos);
    if (const auto colon = line.find(':'); colon != std::string::npos) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers.emplace_back(line.substr(0, colon), value);
    }
    pos = eol + 2;
  }
  r.body = text.substr(head_end + 4);
  return r;
}

}  // namespace erpc::testing
