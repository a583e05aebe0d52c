"""The browser tab's icon, drawn here and served by the app itself.

Streamlit fetches a ``:material/…:`` page icon from fonts.gstatic.com and an emoji one from a CDN:
every visitor's browser would then ask an outside server for it. A picture is served from the
app's own address, like everything else the page loads.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw

from spotlight_dash.style import SPOTLIGHT_PURPLE


@lru_cache(maxsize=1)
def bar_chart() -> Image.Image:
    """Three bars in the programme's colour on a transparent square."""
    icon = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(icon)
    for left, top in ((6, 34), (25, 14), (44, 24)):
        draw.rectangle((left, top, left + 14, 58), fill=SPOTLIGHT_PURPLE)
    return icon
