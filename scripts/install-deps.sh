#!/usr/bin/env bash
# Installs every Debian 12 package erpconnect needs to build, test and run.
# Shared by both README commands and .ci/run; safe to run again (apt skips what is present).
#   install-deps.sh          what the build, the tests and the demo need
#   install-deps.sh --fuzz   also clang-14 and its libFuzzer runtime (the `fuzz` preset, CI)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config binutils git ca-certificates ccache
  libboost-dev libboost-filesystem-dev
  libcpprest-dev libssl-dev openssl
  libspdlog-dev libfmt-dev
  catch2 nlohmann-json3-dev libvalijson-dev libcli11-dev libbenchmark-dev
  libsqlite3-dev libpq-dev postgresql-15
  libxml2-dev
  prometheus-cpp-dev
  curl jq
)
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages (${missing[*]}); run as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
