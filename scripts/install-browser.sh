#!/usr/bin/env bash
# The browser tests drive Debian's Chromium with Japanese fonts (Playwright never downloads a browser).
# Installs them with apt when missing; `make test` runs this first.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -n "$(fc-list "Noto Sans CJK JP" 2>/dev/null)" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ブラウザのテストに Chromium と日本語フォントが必要です。管理者で次を実行してください:" >&2
  echo "  sudo apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk fontconfig
