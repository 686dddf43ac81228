#!/usr/bin/env bash
# Install the Debian packages protokoll needs (Tesseract with Swedish and orientation data,
# poppler-utils, antiword for Word 97–2003 .doc files, the DejaVu font, Chromium and its driver
# for the web view's browser tests), but only those that are missing. Needs root or sudo.
set -euo pipefail

missing=()
if ! command -v tesseract >/dev/null 2>&1; then
  missing+=(tesseract-ocr)
fi
langs=$(tesseract --list-langs 2>/dev/null || true)
grep -qx swe <<<"$langs" || missing+=(tesseract-ocr-swe)
grep -qx osd <<<"$langs" || missing+=(tesseract-ocr-osd)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v antiword >/dev/null 2>&1 || missing+=(antiword)
# The sample renderer's font, so regenerated fixtures match the committed ones.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# `protokoll serve` is tested in a real browser (tests/serve/test_browser.py); never downloaded.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing Debian packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install ${missing[*]} with your system's package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: installing ${missing[*]} needs root; run this as root or install sudo" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
