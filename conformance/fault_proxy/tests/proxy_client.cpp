// SPDX-License-Identifier: Apache-2.0
#include "proxy_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <stdexcept>

namespace erpc::conformance::test {

namespace {

void parse(observed_exchange& out) {
  const auto head_end = out.bytes.find("\r\n\r\n");
  if (head_end == std::string::npos || out.bytes.rfind("HTTP/1.", 0) != 0) return;
  const std::string head = out.bytes.substr(0, head_end);
  out.status = static_cast<unsigned>(std::stoul(head.substr(9, 3)));
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos) {
    const std::size_t next = head.find("\r\n", pos + 2);
    const std::string line =
        head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      out.headers[name] = value;
    }
    pos = next;
  }
  out.body = out.bytes.substr(head_end + 4);
  const auto length = out.header("content-length");
  out.body_complete = !length.empty() && out.body.size() >= std::stoul(length);
}

}  // namespace

std::string request_bytes(std::string_view method, std::string_view target,
                          std::string_view body, std::string_view extra_header_lines) {
  std::string out = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  out += "Host: client.example\r\nConnection: close\r\n";
  out += extra_header_lines;
  if (!body.empty() || method == "POST" || method == "PUT") {
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  out += "\r\n";
  out += body;
  return out;
}

observed_exchange send_and_observe(std::uint16_t port, const std::string& request,
                           std::chrono::milliseconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to the proxy");
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // a reset before the whole request went out shows in the read below
    sent += static_cast<std::size_t>(n);
  }
  observed_exchange out;
  char chunk[8192];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready == 0) {
      out.end = connection_end::timeout;
      break;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      out.end = connection_end::reset;
      break;
    }
    const auto n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      out.bytes.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) {
      out.end = connection_end::eof;
    } else {
      if (errno == EINTR) continue;
      out.end = errno == ECONNRESET ? connection_end::reset : connection_end::eof;
    }
    break;
  }
  ::close(fd);
  parse(out);
  return out;
}

}  // namespace erpc::conformance::test
