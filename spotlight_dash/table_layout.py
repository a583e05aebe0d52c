"""How wide a table's columns are, so that every column can be read on a laptop (pure).

Streamlit sizes a column to its longest cell: one long title or quote pushes the columns after it
off to the right, behind a sideways scroll. Here long text columns share what room the short ones
leave; where every such cell then fits three lines its text wraps (Streamlit wraps only in rows
taller than 4rem, and cuts what a row cannot hold at both ends), else a cell shows its start and
the whole on a click. A table that still does not fit keeps its first column pinned while the rest
scroll under it.
Widths are estimated from the number of characters: the server does not know the reader's font.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Measured in Chromium on Streamlit 1.67's tables: a cell of 20 and 40 characters of English prose.
CHAR_PX = 6.3  # an average character of the table's 14 px sans-serif
CELL_PAD_PX = 16  # a cell's padding left and right
HEADER_PAD_PX = 24  # a header's padding
AUTO_WIDTH_MAX_PX = 500  # Streamlit sizes no column wider on its own (31.25rem)
PAGE_PX = 960  # the page's main column at 1440 px with the sidebar open
TEXT_MIN_PX = 180  # a wrapped column narrower than this reads one word a line
WRAPPED_ROW_PX = 68  # three lines of text
WRAPPED_LINES = 3
WORD_BREAK_WASTE = 1.2  # a wrapped line ends at a word, short of the column's width
NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}  # Streamlit's named widths, in pixels
MEASURED_ROWS = 200


@dataclass(frozen=True)
class Layout:
    widths: dict[str, int]  # the columns given a width; the others size to their content
    row_height: int | None  # None: Streamlit's one-line rows
    pinned: str | None  # the column kept in view while the others scroll sideways


def text_px(header: str, cells: pd.Series) -> int:
    """How wide a column's longest cell or its header is, on one line."""
    longest = max((len(str(v)) for v in cells.head(MEASURED_ROWS) if v is not None), default=0)
    return int(max(longest * CHAR_PX + CELL_PAD_PX, len(header) * CHAR_PX + HEADER_PAD_PX))


def natural_px(header: str, cells: pd.Series) -> int:
    """How wide Streamlit draws a column on its own."""
    return min(AUTO_WIDTH_MAX_PX, text_px(header, cells))


def layout(shown: pd.DataFrame, headers: dict[str, str], given: dict[str, object] | None = None,
           page_px: int = PAGE_PX) -> Layout:
    """The widths, row height and pinned column that let ``shown`` (as the reader reads it, in text) fit
    ``page_px``; ``given`` holds the widths a page set itself, which are kept."""
    given = {name: int(NAMED_WIDTHS.get(w, w)) for name, w in (given or {}).items() if w is not None}
    content = {name: text_px(headers.get(name, name), shown[name]) for name in shown.columns}
    natural = {**{name: min(AUTO_WIDTH_MAX_PX, px) for name, px in content.items()},
               **{name: px for name, px in given.items() if name in content}}
    cut_short = any(content[name] > px for name, px in natural.items() if name not in given)
    if shown.empty or (sum(natural.values()) <= page_px and not cut_short):
        return Layout({}, None, None)
    key = shown.columns[0]  # what names a row (a source, an indicator) stays whole: it is pinned if need be
    long = sorted((name for name, px in natural.items() if name not in given and name != key
                   and px > TEXT_MIN_PX and not pd.api.types.is_numeric_dtype(shown[name])), key=natural.get)
    room = page_px - sum(px for name, px in natural.items() if name not in long)
    shared: dict[str, int] = {}
    for i, name in enumerate(long):  # the shortest first: what one does not need, the next ones share
        shared[name] = min(content[name], max(TEXT_MIN_PX, room // (len(long) - i)))
        room -= shared[name]
    if _width(natural, shared) > page_px:
        # It scrolls sideways in any case: each as wide as three lines of it need, up to Streamlit's "large".
        shared = {name: min(content[name], NAMED_WIDTHS["large"],
                            max(shared[name], int(_three_lines_px(content[name])))) for name in long}
    wraps = _wraps(content, {**given, **shared})
    return Layout(shared, WRAPPED_ROW_PX if wraps else None,
                  key if _width(natural, shared) > page_px else None)


def _width(natural: dict[str, int], widths: dict[str, int]) -> int:
    return sum(widths.get(name, px) for name, px in natural.items())


def _three_lines_px(one_line_px: int) -> float:
    """How wide a column must be for text this wide on one line to wrap into three."""
    return (one_line_px - CELL_PAD_PX) * WORD_BREAK_WASTE / WRAPPED_LINES + CELL_PAD_PX


def _wraps(content: dict[str, int], widths: dict[str, int]) -> bool:
    """Whether the text that does not fit its width wraps into three lines there (and some does not fit)."""
    cut = [name for name, width in widths.items() if content[name] > width]
    return bool(cut) and all(_three_lines_px(content[name]) <= widths[name] for name in cut)
