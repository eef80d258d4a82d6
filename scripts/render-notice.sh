#!/usr/bin/env bash
# Renders the one-time notice (一次性告知书) of two real cases as a person would see it:
# the HTML notice printed to PDF (A4) and to PNG by headless Chromium, and the PDF's
# pages as PNG. The first page of the restaurant's notice becomes
# docs/notice-open-restaurant.png, committed so that reviewers see the page.
#
#   scripts/render-notice.sh            # writes into .build-notice/render/
#   OUT=/tmp/render scripts/render-notice.sh
#   ONETHING=path/to/onething scripts/render-notice.sh   # use a binary already built
#
# Installs chromium, fonts-noto-cjk and poppler-utils with apt-get when they are
# missing (Debian; needs root). The test suite does not need any of them.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/.build-notice/render}
mkdir -p "$out"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[[ "$(fc-list : family 2>/dev/null)" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
    echo "render-notice: installing ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ -z "${ONETHING:-}" ]]; then
    swift build --scratch-path .build-notice --product onething
    ONETHING="$(swift build --scratch-path .build-notice --show-bin-path)/onething"
fi

if ! "$ONETHING" notice --help >/dev/null 2>&1; then
    echo "render-notice: $ONETHING has no 'notice' subcommand (is NoticeCommand registered in OneThingCommand?)" >&2
    exit 2
fi

# render NAME BUNDLE CASE START: NAME.html, NAME.pdf, NAME-screen.png, NAME-page-N.png
render() {
    local name=$1 bundle=$2 case=$3 start=$4
    "$ONETHING" notice "$bundle" --case "$case" --format html --start "$start" --output "$out/$name.html"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf-no-header \
        --print-to-pdf="$out/$name.pdf" "file://$out/$name.html" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
        --screenshot="$out/$name-screen.png" "file://$out/$name.html" 2>/dev/null
    rm -f "$out/$name"-page-*.png
    pdftoppm -png -r 80 "$out/$name.pdf" "$out/$name-page"
    echo "render-notice: $out/$name.pdf ($(ls "$out/$name"-page-*.png | wc -l) pages), $out/$name-screen.png"
}

# The worst case of the restaurant, accepted on the Mid-Autumn holiday just before
# the National Day holidays, so that the dates cross them.
render open-restaurant bundles/open-restaurant.yaml "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）" 2026-09-25
render after-death bundles/after-death.yaml "医院内正常死亡，火化，职工医保、养老保险和公积金（典型情况）" 2026-09-25

mkdir -p docs
first=$(ls "$out"/open-restaurant-page-*.png | sort | head -n 1)
cp "$first" docs/notice-open-restaurant.png
echo "render-notice: docs/notice-open-restaurant.png"
