#!/usr/bin/env bash
# Optional peers for benchmarks and interop tests (never runtime dependencies): Debian's xgboost, torch, chromium,
# prometheus. Installed only when missing and only when apt works; failures are not fatal.
set -u
need=()
/usr/bin/python3 -c 'import xgboost' 2>/dev/null || need+=(python3-xgboost)
/usr/bin/python3 -c 'import torch' 2>/dev/null || need+=(python3-torch)
command -v chromium >/dev/null || need+=(chromium)
command -v prometheus >/dev/null || need+=(prometheus)
[ ${#need[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || exit 1
echo "ci: installing peers: ${need[*]}" >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/tmp/arbml-peers.log 2>&1
