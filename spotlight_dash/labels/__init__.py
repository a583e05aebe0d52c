"""Every text a user reads, in English and Russian, looked up by key (pure).

A key says where a text is used (``overview.title``, ``chart.reach-against-target.unit``);
``t(key, lang, **values)`` fills its ``{placeholders}``. The catalogues hold both languages side
by side, one key a line, so a missing translation is seen in review and fails a test. Quotes
from source documents are data, not labels: they stay in the language of their document.
"""

from __future__ import annotations

from spotlight_dash.labels import (catalogue_charts, catalogue_columns, catalogue_data, catalogue_exports,
                                   catalogue_minutes, catalogue_pages, catalogue_queries, catalogue_values)
from spotlight_dash.labels.dataset_words import WORDED_BY_THE_TEAM, dataset_word  # noqa: F401  (re-exported)

LANGUAGES = {"en": "English", "ru": "Русский"}
DEFAULT = "en"

# key -> (English, Russian)
TEXTS: dict[str, tuple[str, str]] = {
    **catalogue_pages.TEXTS, **catalogue_charts.TEXTS, **catalogue_exports.TEXTS, **catalogue_columns.TEXTS,
    **catalogue_queries.TEXTS, **catalogue_data.TEXTS, **catalogue_values.TEXTS, **catalogue_minutes.TEXTS,
}


def language(raw) -> str:
    """The language a link or an option asks for; anything else is English."""
    text = str(raw or "").strip().lower()
    return text if text in LANGUAGES else DEFAULT


def t(key: str, lang: str = DEFAULT, **values) -> str:
    """The text for ``key`` in ``lang``; an unknown key raises KeyError (a test runs every page in
    both languages, so a key used without a catalogue entry cannot ship)."""
    english, russian = TEXTS[key]
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


def file_suffix(lang: str) -> str:
    """What an exported file's name adds for its language: nothing for English, "_ru" for Russian."""
    return "" if language(lang) == DEFAULT else f"_{lang}"


def scoped(prefix: str, lang: str):
    """``t`` for the keys under ``prefix`` in one language: ``scoped("pack", "ru")("title")``."""
    def scoped_t(key: str, **values) -> str:
        return t(f"{prefix}.{key}", lang, **values)
    return scoped_t


def t_or(key: str, lang: str, fallback: str, **values) -> str:
    """For names that come with the data (a programme loaded later): the catalogue's, else the data's."""
    return t(key, lang, **values) if key in TEXTS else fallback


def column(name: str, lang: str = DEFAULT) -> str:
    """A table column's header; a column no catalogue names keeps its name."""
    return t_or(f"column.{name}", lang, name)


def with_headers(frame, lang: str = DEFAULT):
    """A data frame whose column headers are in ``lang`` (for files and slides; pages use page.table)."""
    return frame.rename(columns=lambda name: column(name, lang))
