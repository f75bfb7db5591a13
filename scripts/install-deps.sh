#!/usr/bin/env bash
# Installs every Debian 12 package erpconnect needs to build, test and run.
# Shared by both README commands and .ci/run; safe to run again (apt skips what is present).
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
)
# The `fuzz` preset (libFuzzer, not needed in CI, which replays the corpora with g++) also needs:
#   clang-14 libclang-rt-14-dev

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
