"""The embedded Unicode font of every PDF: DejaVu Sans, shipped in assets/fonts with its licence.

A TrueType font embedded in the PDF prints arrows, minus signs and accents the same on any viewer;
the 14 standard PDF fonts would not.
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from core.assets import asset_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> None:
    """Register the fonts once per process (bold maps from <b> in paragraphs)."""
    pdfmetrics.registerFont(TTFont(FONT, str(asset_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(asset_path("fonts", "DejaVuSans-Bold.ttf"))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    # Every canvas starts in this font, so no page lists an unembedded base font.
    rl_config.canvas_basefontname = FONT
