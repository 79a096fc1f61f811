# png_ink.py: CI's check that a screenshot (PNG) shows a page, not a blank. Python 3 alone.
"""Usage: png_ink.py FILE WIDTH MIN_INK [MARGIN]

Decodes FILE (PNG, 8-bit RGB or RGBA, not interlaced; filter types 0-4, as Chromium
writes them) and fails (exit 1, the reason on stderr) unless:
  - it is WIDTH pixels wide;
  - at least MIN_INK (a fraction, e.g. 0.01) of its pixels are ink: some channel darker
    than 224 over white (anti-aliased text counts, the tables' #f3f3f3 headers do not);
  - with MARGIN (pixels): the page is laid out to the width rather than cut by it. Its
    last MARGIN columns hold no ink (the page's own padding: a page wider than the
    window would run into them), and ink reaches the right third (the lines fill the
    width: a page laid out narrower, or only its left part painted, would not).
Prints the measurements on stdout.
"""
import struct
import sys
import zlib


def fail(msg):
    print(f"png_ink: {sys.argv[1]}: {msg}", file=sys.stderr)
    sys.exit(1)


def decode(path):
    """(width, height, rows): rows are bytes of R, G, B per pixel, composited on white."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, ihdr, idat = 8, None, []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            fail("truncated chunk")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if ihdr is None or not idat:
        fail("no IHDR or no IDAT")
    width, height, depth, color, _, _, interlace = ihdr
    if depth != 8 or color not in (2, 6) or interlace:
        fail(f"bit depth {depth}, colour type {color}, interlace {interlace}: "
             "only 8-bit RGB (2) or RGBA (6), not interlaced, is read")
    bpp = 3 if color == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    if len(raw) != height * (stride + 1):
        fail(f"{len(raw)} bytes of image data for {width}x{height}")
    rows, prev = [], bytes(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 0:
            pass
        elif kind == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        else:
            fail(f"row {y}: filter type {kind}")
        prev = bytes(line)
        if bpp == 4:
            if line[3::4].count(255) == width:  # opaque, as screenshots are: drop alpha
                del line[3::4]
            else:  # over white: c' = 255 - alpha * (255 - c) / 255
                rgb = bytearray(width * 3)
                for x in range(width):
                    r, g, b, a = line[4 * x:4 * x + 4]
                    rgb[3 * x:3 * x + 3] = bytes(255 - a * (255 - v) // 255 for v in (r, g, b))
                line = rgb
        rows.append(bytes(line))
    return width, height, rows


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    want_width, min_ink = int(sys.argv[2]), float(sys.argv[3])
    margin = int(sys.argv[4]) if len(sys.argv) == 5 else None
    width, height, rows = decode(sys.argv[1])
    if width != want_width:
        fail(f"{width} pixels wide, not {want_width}")
    dark = bytes(1 if v < 224 else 0 for v in range(256))  # a channel below 224: ink
    ink, rightmost = 0, -1
    for row in rows:
        if min(row) >= 224:  # most rows of a page are white
            continue
        mask = row.translate(dark)
        # A pixel is ink if any of its channels is: OR the three channels' masks.
        pixels = (int.from_bytes(mask[0::3], "big") | int.from_bytes(mask[1::3], "big")
                  | int.from_bytes(mask[2::3], "big")).to_bytes(width, "big")
        ink += width - pixels.count(0)
        rightmost = max(rightmost, len(pixels.rstrip(b"\0")) - 1)
    share = ink / (width * height)
    print(f"{sys.argv[1]}: {width}x{height}, ink {share:.2%} of the pixels "
          f"(at least {min_ink:.2%}), rightmost ink at x = {rightmost}")
    if share < min_ink:
        fail(f"ink on {share:.2%} of the pixels, under {min_ink:.2%}: a blank or near-blank page")
    if margin is not None:
        if rightmost >= width - margin:
            fail(f"ink at x = {rightmost}, in the last {margin} columns: the page is wider "
                 f"than {width} px and cut, not laid out to it")
        if rightmost < 2 * width // 3:
            fail(f"no ink right of x = {rightmost}: the page does not fill {width} px")


main()
