"""Where a chart's words land when plotly.js draws it in Chromium: every text element's box, and
what a reader would see as wrong with them (words over words, words outside the figure, figures
turned sideways or shrunk inside a bar).

plotly.js comes from the installed plotly package, so the drawing is the one the page and the
exports make; the browser is the system Chromium, as in the other browser tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import plotly
import plotly.graph_objects as go

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
TOLERANCE_PX = 1.5  # glyph boxes include the font's ascent and descent: touching lines are not overlapping
SMALLEST_TEXT_PX = 8  # a label plotly shrank below this to squeeze it into a bar is unreadable

# Every text element of the drawing, with what it is (the class of the group it belongs to), its box
# in the figure's coordinates, and whether plotly turned or shrank it.
_READ_BOXES = """
(div) => {
  const origin = div.getBoundingClientRect();
  const out = [];
  for (const text of div.querySelectorAll('svg text')) {
    const words = (text.textContent || '').trim();
    if (!words) continue;
    const style = getComputedStyle(text);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
    let hidden = false;
    for (let e = text; e && e !== div; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.opacity === '0') { hidden = true; break; }
    }
    if (hidden) continue;
    const r = text.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // The glyphs' own rectangle, turned as drawn: a slanted tick label's screen box is much larger.
    const b = text.getBBox(), m = text.getScreenCTM();
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e - origin.left, m.b * x + m.d * y + m.f - origin.top]);
    let kind = 'text';
    for (let e = text; e && e !== div; e = e.parentElement) {
      const c = e.getAttribute && (e.getAttribute('class') || '');
      const m = c.match(/\\b(gtitle-subtitle|gtitle|xtick|ytick|x2tick|y2tick|xtitle|ytitle|legendtext|annotation|bartext|textpoint|g-xtitle|g-ytitle|legend)\\b/);
      if (m) { kind = m[1]; break; }
    }
    const transform = (text.getAttribute('transform') || '') + ' ' +
      ((text.parentElement && text.parentElement.getAttribute('transform')) || '');
    const rotated = /rotate\\(\\s*-?[1-9]/.test(transform);
    const fontPx = parseFloat(style.fontSize) || 0;
    const scaleMatch = transform.match(/scale\\(([0-9.]+)/);
    const scale = scaleMatch ? parseFloat(scaleMatch[1]) : 1;
    out.push({kind, words, corners, rotated, px: fontPx * scale});
  }
  return out;
}
"""


@dataclass(frozen=True)
class Box:
    kind: str
    words: str
    corners: list  # four [x, y] in the figure's pixels, in drawing order (a turned rectangle)
    rotated: bool
    px: float

    @property
    def x0(self) -> float:
        return min(x for x, _ in self.corners)

    @property
    def x1(self) -> float:
        return max(x for x, _ in self.corners)

    @property
    def y0(self) -> float:
        return min(y for _, y in self.corners)

    @property
    def y1(self) -> float:
        return max(y for _, y in self.corners)

    def overlaps(self, other: "Box") -> bool:
        """Whether the two rectangles (each possibly turned) share more than a sliver: by the separating
        axis theorem, they are apart when their shadows on one edge's normal are apart."""
        for shape in (self.corners, other.corners):
            for (ax, ay), (bx, by) in zip(shape, shape[1:] + shape[:1]):
                length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
                if length == 0:
                    continue
                nx, ny = (ay - by) / length, (bx - ax) / length
                mine = [nx * x + ny * y for x, y in self.corners]
                theirs = [nx * x + ny * y for x, y in other.corners]
                if min(max(mine), max(theirs)) - max(min(mine), min(theirs)) <= TOLERANCE_PX:
                    return False
        return True

    def __str__(self) -> str:
        return f"{self.kind} {self.words[:50]!r} at ({self.x0:.0f},{self.y0:.0f})-({self.x1:.0f},{self.y1:.0f})"


class Drawing:
    """One Chromium page with plotly.js loaded; ``boxes(figure, width, height)`` draws a figure there."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 2000, "height": 1200})
        self.page.set_content('<html><body style="margin:0"><div id="chart"></div></body></html>')
        self.page.add_script_tag(path=str(PLOTLY_JS))

    def boxes(self, figure: go.Figure, width: int, height: int | None = None) -> tuple[list[Box], int, int]:
        spec = json.loads(figure.to_json())
        spec["layout"]["width"] = width
        if height:
            spec["layout"]["height"] = height
        drawn_height = spec["layout"].get("height") or 450
        found = self.page.evaluate(
            """async ([data, layout]) => {
                 const div = document.getElementById('chart');
                 Plotly.purge(div);
                 await Plotly.newPlot(div, data, layout, {staticPlot: true});
                 return (%s)(div);
               }""" % _READ_BOXES,
            [spec["data"], spec["layout"]])
        return [Box(**b) for b in found], width, drawn_height

    def close(self) -> None:
        self.page.close()


def problems(boxes: list[Box], width: int, height: int) -> list[str]:
    """What a reader would see as broken: overlapping words, words outside the figure, a figure on
    its side or shrunk inside a bar."""
    found = []
    for box in boxes:
        if box.x0 < -TOLERANCE_PX or box.y0 < -TOLERANCE_PX or box.x1 > width + TOLERANCE_PX \
                or box.y1 > height + TOLERANCE_PX:
            found.append(f"outside the {width}×{height} figure: {box}")
        if box.kind in ("bartext", "textpoint") and box.rotated:
            found.append(f"turned sideways: {box}")
        if box.px and box.px < SMALLEST_TEXT_PX:
            found.append(f"shrunk to {box.px:.1f} px: {box}")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.overlaps(b):
                found.append(f"overlap: {a}  ×  {b}")
    return found
