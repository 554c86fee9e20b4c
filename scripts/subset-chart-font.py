#!/usr/bin/env python3
# Makes assets/fonts/SpotlightChartSans-{Regular,Bold}.ttf: Liberation Sans cut down to the
# characters chart labels almost always use (Basic Latin, Latin-1, Latin Extended-A and common
# punctuation). resvg shapes each text element in time that grows with the font's size, so charts
# whose text fits draw about four times faster with the subset; src/charts/raster.ts falls back
# to the full font for any other character. The OFL reserves the name "Liberation" (and
# "Arimo"), so the subset, a modified version, carries another family name.
# Needs fontTools (Debian: python3-fonttools). Run: /usr/bin/python3 scripts/subset-chart-font.py
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Spotlight Chart Sans"
# Keep in step with `subsetCoverage` in src/charts/raster.ts.
UNICODES = "U+0020-007E,U+00A0-017F,U+2013-2014,U+2018-201E,U+2022,U+2026,U+2212,U+20AC"

fonts = Path(__file__).resolve().parent.parent / "assets" / "fonts"
for weight in ("Regular", "Bold"):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    font = subset.load_font(str(fonts / f"LiberationSans-{weight}.ttf"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (2, 17):
            record.string = weight
        elif record.nameID == 4:
            record.string = full
        elif record.nameID == 6:
            record.string = postscript
        elif record.nameID == 3:
            record.string = f"{postscript}; subset of Liberation Sans for board-spotlight"
    subset.save_font(font, str(fonts / f"{postscript}.ttf"), options)
    TTFont(str(fonts / f"{postscript}.ttf"))  # reads back
    print(f"{postscript}.ttf")
