"""National SDG data (open-sdg CSV files, e.g. Kazakhstan's kazstat) -> rows of the context tables.

The published files are converted once into ``data/context/`` by ``scripts/sdg_context.py``, so
the shipped dataset stays reviewable text; a test converts them again and compares, so the
shipped rows cannot drift from the publication. Each value keeps its file and row.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

INDICATORS = ("5.2.1", "5.2.2", "5.3.1")  # violence against women and girls; child marriage
# UN global series codes the national file uses without a translation of its own; the labels
# restate the official indicator title's two parts.
SERIES_LABELS = {"SP_DYN_MRBF15": "married or in a union before age 15",
                 "SP_DYN_MRBF18": "married or in a union before age 18"}


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def convert(reference: Path, country: str = "KAZ", publisher: str = "kazstat") -> dict[str, list[dict]]:
    """``reference`` is the folder holding global_indicators_{en,ru}.yml and ``<publisher>/``."""
    national = reference / publisher
    titles_en, titles_ru = _yaml(reference / "global_indicators_en.yml"), _yaml(reference / "global_indicators_ru.yml")
    labels = {}
    for name in ("SERIES", "COMPOSITE_BREAKDOWN", "AGE", "UNIT_MEASURE"):
        labels[name] = _yaml(national / f"translations_en_{name}.yml")
    rows: dict[str, list[dict]] = {"documents": [], "sources": [], "sdg_indicators": [], "sdg_values": []}
    rows["documents"].append(dict(document_id="SDG-LIST", file="global_indicators_en.yml",
                                  title="SDG global indicator framework: indicator titles (English and Russian)",
                                  citation="UN SDG indicator list",
                                  publisher="open-sdg/sdg-translations", language="en"))
    rows["sources"].append(dict(source_id="SDG-LIST", document_id="SDG-LIST", section="global_indicators",
                                location="global_indicators_en.yml, global_indicators_ru.yml"))
    for code in INDICATORS:
        dashed = code.replace(".", "-")
        key = f"{dashed}-title"
        rows["sdg_indicators"].append(dict(sdg_code=code, title_en=_clean(titles_en[key]),
                                           title_ru=_clean(titles_ru.get(key)), source_id="SDG-LIST"))
        file = f"indicator_{dashed}.csv"
        document_id = f"{publisher.upper()}-{dashed}"
        rows["documents"].append(dict(document_id=document_id, file=file, publisher=publisher, language="en",
                                      title=f"National SDG data, indicator {code} ({country})",
                                      citation=f"{publisher.capitalize()} national SDG data, {code}"))
        rows["sources"].append(dict(source_id=document_id, document_id=document_id, section=f"indicator {code}",
                                    location=f"{publisher}/{file}"))
        with (national / file).open(encoding="utf-8", newline="") as handle:
            for line, record in enumerate(csv.DictReader(handle), start=2):
                series = record.get("SERIES") or f"SDG_{dashed}"
                breakdown = record.get("COMPOSITE_BREAKDOWN") or None
                age = record.get("AGE") or None
                rows["sdg_values"].append(dict(
                    sdg_code=code, country=country, year=int(record["Year"]), series=series,
                    series_label=labels["SERIES"].get(series) or SERIES_LABELS.get(series),
                    breakdown=breakdown, breakdown_label=labels["COMPOSITE_BREAKDOWN"].get(breakdown),
                    age=age, age_label=_age_label(age, labels["AGE"]), unit=labels["UNIT_MEASURE"].get(record["UNIT_MEASURE"], record["UNIT_MEASURE"]),
                    value=float(record["Value"]) if record["Value"] not in ("", None) else None,
                    source_row=line, source_id=document_id))
    return rows


def _age_label(code: str | None, published: dict) -> str | None:
    """The publisher's label, else one read from the SDMX code itself (Y18T49 -> aged 18-49)."""
    if not code:
        return None
    if code in published:
        return str(published[code])
    span = re.fullmatch(r"Y(\d+)T(\d+)", code)
    return f"aged {span[1]}-{span[2]}" if span else code


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None
