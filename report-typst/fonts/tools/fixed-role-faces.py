#!/usr/bin/python3
"""Makes the faces of the roles whose text is fixed: FandolHei cut down to the glyphs of
the six section headings, FandolSong to those of the page numbers.

A cold render hashes, parses and subsets every face it uses; the 一、 headings and the
page numbers `— N —` print only characters the format fixes, so their roles use a face of
a few dozen glyphs first and the full face only for any other character (the template
lists both). This script cuts those faces with fontTools' subsetter: the glyphs of the
characters listed in ../fixed-role-text.txt (written by a unit test of report-typst from
the section titles and the page-number format, so the text has one source), with every
layout feature, hint, name and metric kept. Only the family names (name IDs 1, 4, 16)
change, so that the renderer can ask for the cut face by name; the PostScript name stays,
and the PDF names the font as before.

Usage (Debian 12's python3-fonttools 4.38.0-1+deb12u1, the version the committed faces
were made with; the output is the same from run to run):

    apt-get install python3-fonttools
    /usr/bin/python3 report-typst/fonts/tools/fixed-role-faces.py

It reads and writes report-typst/fonts/fandol/.
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.join(HERE, "..", "fandol")
TEXT = os.path.join(HERE, "..", "fixed-role-text.txt")


def cut(source, target, family, text):
    # No new timestamp in `head`: the output is the same from run to run.
    font = TTFont(os.path.join(FONTS, source), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = True
    options.prune_unicode_ranges = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(family, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 5:
            version = record.toUnicode()
            if "govreport" not in version:
                version += "; cut to fixed text by govreport"
            names.setName(version, 5, record.platformID, record.platEncID, record.langID)
    font.save(os.path.join(FONTS, target))
    print(f"{target}: {len(font.getGlyphOrder())} glyphs, "
          f"{os.path.getsize(os.path.join(FONTS, target))} bytes")


def main():
    with open(TEXT, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            source, target, family, text = line.split("\t")
            cut(source, target, family, text)


if __name__ == "__main__":
    sys.exit(main())
