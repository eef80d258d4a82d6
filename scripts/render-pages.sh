#!/usr/bin/env bash
# Renders the server's pages as a person would see them, without a server: the
# applicant's case page (open and delivered), a department's work queue and the
# supervisor's dashboard, written from the test fixtures of OneThingPages (real
# restaurant cases run through the runtime; a simulated month of three bundles) and
# screenshot by headless Chromium at 1280 pixels wide, full page, and printed to PDF
# (A4). The screenshots of the three pages become docs/page-applicant.png,
# docs/page-department.png and docs/page-supervisor.png.
#
#   scripts/render-pages.sh            # writes into .build/render-pages/
#   OUT=/tmp/render scripts/render-pages.sh
#
# Installs chromium and fonts-noto-cjk with apt-get when they are missing (Debian;
# needs root). The test suite does not need them.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/.build/render-pages}
mkdir -p "$out"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[[ "$(fc-list : family 2>/dev/null)" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
    echo "render-pages: installing ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The snapshot test writes the pages when ONETHING_PAGES_OUT names a folder.
rm -f "$out"/*.html
ONETHING_PAGES_OUT="$out" swift test --filter OneThingPagesTests.PageSnapshotTests >"$out/test.log" 2>&1 || {
    tail -n 40 "$out/test.log" >&2
    exit 1
}

# crop PNG: cuts the rows below the page's last drawn row (the body's background colour,
# read from the bottom-left pixel) off a screenshot, keeping a 24-pixel margin.
crop() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
pos, chunks = 8, []
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunks.append((kind, data[pos + 8:pos + 8 + length]))
    pos += 12 + length
header = dict(chunks)[b"IHDR"]
width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
if depth != 8 or colour not in (2, 6) or interlace:
    sys.exit(0)  # not a plain 8-bit RGB(A) picture: leave it whole
size = 3 if colour == 2 else 4
raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
stride = width * size
rows, previous = [], bytearray(stride)
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        left = line[i - size] if i >= size else 0
        up, corner = previous[i], (previous[i - size] if i >= size else 0)
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    rows.append(bytes(line))
    previous = line
background = rows[-1][:size] * width
last = max((y for y in range(height) if rows[y] != background), default=height - 1)
keep = min(height, last + 25)
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, keep, 8, colour, 0, 0, 0))
out += chunk(b"IDAT", zlib.compress(b"".join(b"\0" + row for row in rows[:keep]), 9)) + chunk(b"IEND", b"")
open(path, "wb").write(out)
print(f"{width}x{keep}")
PY
}

# shot NAME: NAME.png (1280 wide, the whole page), NAME.pdf (A4)
shot() {
    local name=$1 html="$out/$1.html"
    [[ -f "$html" ]] || { echo "render-pages: $html was not written" >&2; exit 1; }
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,7000 \
        --screenshot="$out/$name.png" "file://$html" 2>/dev/null
    local size
    size=$(crop "$out/$name.png")
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf-no-header \
        --print-to-pdf="$out/$name.pdf" "file://$html" 2>/dev/null
    echo "render-pages: $out/$name.png ($size), $out/$name.pdf"
}

for name in applicant applicant-delivered department supervisor; do shot "$name"; done

mkdir -p docs
cp "$out/applicant.png" docs/page-applicant.png
cp "$out/department.png" docs/page-department.png
cp "$out/supervisor.png" docs/page-supervisor.png
echo "render-pages: docs/page-applicant.png docs/page-department.png docs/page-supervisor.png"
