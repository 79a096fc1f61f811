#!/usr/bin/python3
"""Renders two PDFs at 600 dpi and counts, page by page, the pixels that differ.

Used to check that the lean FandolFang (lean-fang.py) changes nothing visible: render the
sample with the original font and with the lean one, then

    /usr/bin/python3 report-typst/fonts/tools/compare-pages.py BEFORE.pdf AFTER.pdf

It prints, per page, the pixels that differ at all, by more than 32 and by more than 128
grey levels (of 255): anti-aliasing shimmer moves pixels by a few levels; an outline that
moved by a visible amount turns pixels from ink to paper, by more than 128. It needs
poppler-utils (pdftoppm) and python3-pil.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops


def pages(pdf, into, prefix):
    subprocess.run(["pdftoppm", "-r", "600", "-gray", pdf, str(into / prefix)], check=True)
    return sorted(into.glob(prefix + "-*.pgm"))


def main():
    before, after = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old, new = pages(before, tmp, "b"), pages(after, tmp, "a")
        if len(old) != len(new):
            sys.exit(f"page counts differ: {len(old)} and {len(new)}")
        for n, (b, a) in enumerate(zip(old, new), start=1):
            hist = ImageChops.difference(Image.open(b), Image.open(a)).histogram()
            print(
                f"page {n}: {sum(hist[1:])} px differ, {sum(hist[33:])} by more than 32, "
                f"{sum(hist[129:])} by more than 128"
            )


if __name__ == "__main__":
    main()
