#!/usr/bin/env bash
# How prebuilt/frozen_hello_v1_0.so was made (Debian 12, GCC 12) when ABI 1.0 was released.
# Kept for the record; the committed binary is the artefact under test, not this script's output.
set -euo pipefail
cd "$(dirname "$0")"
gcc -std=c11 -O2 -fPIC -shared -fvisibility=hidden -I. frozen_hello.c \
  -Wl,--version-script=../../../../../cmake/erpc_adapter.map -Wl,--no-undefined \
  -o prebuilt/frozen_hello_v1_0.so
strip --strip-unneeded prebuilt/frozen_hello_v1_0.so
