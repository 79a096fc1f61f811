#!/usr/bin/python3
"""Makes the lean FandolFang: the same font with its outlines simplified.

FandolFang's outlines are dense (about 540 bytes per glyph), and its subset was most of a
report's PDF. This script simplifies every outline with FontForge within an error of
ERROR units at 1000 per em, rounds the points to whole units, and puts the new
charstrings into the original font with fontTools. Every other table (cmap, hmtx, vmtx,
OS/2, hhea, GPOS, BASE, VORG, the CFF's dictionaries and widths) is kept byte for byte, so
layout does not change. The version string (name ID 5) says the outlines were modified;
the family names stay.

Measured on the 503 glyphs of the sample report: the largest distance between a glyph's
old and new outline is 1.8 units (median), 3.9 (95th percentile); a few glyphs move an
edge that lies inside another, overlapping stroke by up to 33 units, which changes no
filled pixel. compare-pages.py renders two PDFs at 600 dpi and counts what changed.

Usage (run with Debian 12's packages, the versions the committed font was made with:
fontforge and python3-fontforge 1:20230101~dfsg-1.1~deb12u1, python3-fonttools
4.38.0-1+deb12u1):

    apt-get install python3-fontforge python3-fonttools
    /usr/bin/python3 report-typst/fonts/tools/lean-fang.py ORIGINAL.otf OUT.otf

ORIGINAL.otf is FandolFang-Regular.otf version 0.3 as shipped by TeX Live (Debian's
texlive-lang-chinese; also this repository's history before the lean font), checked by its
SHA-256 below. The output is the same from run to run.
"""

import hashlib
import os
import sys
import tempfile

import fontforge
from fontTools.misc.psCharStrings import T2CharString
from fontTools.subset import cff as _subset_cff  # noqa: F401 (adds CFFFontSet.desubroutinize)
from fontTools.ttLib import TTFont

ORIGINAL_SHA256 = "d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9"
ERROR = 1.5
VERSION_NOTE = "; outlines simplified by govreport lean-fang.py"


def simplified_charstrings(original_path, scratch):
    """Simplifies every glyph with FontForge and returns its CFF, desubroutinized."""
    font = fontforge.open(original_path)
    font.selection.all()
    font.simplify(ERROR, ("mergelines", "ignoreextrema"), 0.2, 0, 0)
    font.round()
    font.generate(scratch, flags=("opentype",))
    font.close()
    simplified = TTFont(scratch)
    cff = simplified["CFF "].cff
    cff.desubroutinize()
    return simplified, cff.topDictIndex[0]


def main():
    original_path, out_path = sys.argv[1], sys.argv[2]
    with open(original_path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != ORIGINAL_SHA256:
        sys.exit(f"{original_path} is not FandolFang-Regular.otf 0.3 (sha256 {digest})")

    with tempfile.TemporaryDirectory() as tmp:
        simplified, new_top = simplified_charstrings(
            original_path, os.path.join(tmp, "simplified.otf")
        )
        font = TTFont(original_path, recalcBBoxes=False, recalcTimestamp=False)
        cff = font["CFF "].cff
        cff.desubroutinize()
        top = cff.topDictIndex[0]
        if simplified.getGlyphOrder() != font.getGlyphOrder():
            sys.exit("FontForge changed the glyph order")
        (new_private,) = [fd.Private for fd in new_top.FDArray]
        charstrings = top.CharStrings
        new_charstrings = new_top.CharStrings
        for name in font.getGlyphOrder():
            old = charstrings[name]
            old.decompile()
            private = old.private
            # Widths are encoded against the private dictionary: the same in both fonts.
            assert (private.nominalWidthX, private.defaultWidthX) == (
                new_private.nominalWidthX,
                new_private.defaultWidthX,
            )
            new = new_charstrings[name]
            new.decompile()
            replacement = T2CharString(
                program=list(new.program), private=private, globalSubrs=cff.GlobalSubrs
            )
            replacement.compile()
            old.compile()
            # Keep the original where FontForge's is not smaller (a few simple glyphs).
            if len(replacement.bytecode) < len(old.bytecode):
                charstrings[name] = replacement
        for record in font["name"].names:
            if record.nameID == 5:
                record.string = record.toUnicode() + VERSION_NOTE
        font.save(out_path)
    check(original_path, out_path)


def check(original_path, out_path):
    """Fails unless every table but CFF and name is unchanged (head but its checksum) and
    every glyph keeps its width."""
    old = TTFont(original_path)
    new = TTFont(out_path)
    for tag in old.keys():
        if tag in ("GlyphOrder", "CFF ", "name"):
            continue
        a, b = old.reader[tag], new.reader[tag]
        if tag == "head":
            # checkSumAdjustment (bytes 8..12) covers the whole file.
            a, b = a[:8] + a[12:], b[:8] + b[12:]
        if a != b:
            sys.exit(f"table {tag} changed")
    old_cs = old["CFF "].cff.topDictIndex[0].CharStrings
    new_cs = new["CFF "].cff.topDictIndex[0].CharStrings
    for name in old.getGlyphOrder():
        a, b = old_cs[name], new_cs[name]
        a.draw(_NullPen())
        b.draw(_NullPen())
        if a.width != b.width:
            sys.exit(f"{name}: width {a.width} became {b.width}")


class _NullPen:
    """A pen that draws nothing: drawing a charstring computes its width."""

    def moveTo(self, pt):
        pass

    def lineTo(self, pt):
        pass

    def curveTo(self, *pts):
        pass

    def qCurveTo(self, *pts):
        pass

    def closePath(self):
        pass

    def endPath(self):
        pass


if __name__ == "__main__":
    main()
