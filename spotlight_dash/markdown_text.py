"""Text from a file, a URL or a user, made safe to show where Streamlit reads Markdown (pure).

Streamlit interprets Markdown in st.markdown, captions, notices, titles and every widget label:
``![x](http://host/x.png)`` there makes the reader's browser fetch an outside image, ``[Sign in
again](http://…)`` is a link the app seems to offer, and ``http://…``, ``www.…`` or ``a@b.org`` on
their own become links too (GitHub-flavoured autolinks). ``escape`` turns such a value into Markdown
that shows exactly its characters and nothing else (autolinks are broken by an invisible word joiner,
which a copied text keeps). ``Markdown`` marks text that is already safe
Markdown (a catalogue text whose values were escaped), so that putting it into another text does
not escape it twice (which would show the backslashes).
"""

from __future__ import annotations

import re

# Characters that start Markdown, HTML, autolinks (":" of "http://", "@" of an e-mail), LaTeX ($),
# Streamlit's directives (":red[…]", ":material/…:"), tables (|) and strikethrough (~). Other ASCII
# punctuation (. , - ( ) ! ? …) only acts together with these or at the start of a line (below).
_INLINE = re.compile(r"([\\`*_\[\]<>#|~$&@:{}])")
# What acts only at the start of a line: lists ("- ", "+ ", "1. ", "1) ") and setext headings ("===").
_BULLET = re.compile(r"^(\s*)([-+=])(?=[\s\-+=]|$)", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)
# GitHub's autolinks ("http://…", "www.…", "a@b.org") are found in the text after parsing, so a
# backslash does not stop them (seen in Chromium): an invisible word joiner after "http", "www" and
# "@" breaks the pattern and leaves the text as it reads.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(https?(?=\\?:)|www(?=\\?\.)|@)", re.IGNORECASE)


class Markdown(str):
    """Markdown that is safe to render as it is: a template of ours, with every value in it escaped."""


def escape(text) -> Markdown:
    """``text`` as Markdown that renders as exactly these characters: no link, image, HTML or formatting."""
    if isinstance(text, Markdown):
        return text
    escaped = _INLINE.sub(r"\\\1", str(text))
    escaped = _AUTOLINK.sub(lambda m: m.group(1) + WORD_JOINER, escaped)
    escaped = _BULLET.sub(r"\1\\\2", escaped)
    return Markdown(_NUMBERED.sub(r"\1\\\2", escaped))


def escaped_values(values: dict) -> dict:
    """A text's values ready for a catalogue template (our own Markdown): strings escaped; numbers kept,
    so that format specs such as {version:04d} still apply."""
    return {name: escape(value) if isinstance(value, str) else value for name, value in values.items()}


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """What a reader sees of escaped text (the backslashes of escapes gone): for tests and comparisons."""
    return _ESCAPED.sub(r"\1", markdown).replace(WORD_JOINER, "")
