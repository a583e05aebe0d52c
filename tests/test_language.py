"""Russian as well as English: every label in both languages, every page readable in Russian,
numbers and dates in each language's conventions, and exports that carry Cyrillic."""

import csv
import datetime as dt
import io
import json
import re
import string
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from conftest import PAGES, open_sources, page_alone
from spotlight_dash import charts, codes, labels, queries, viewstate
from spotlight_dash import formatting as fmt
from spotlight_dash.exports.context import open_view
from spotlight_dash.labels import dataset_words

ROOT = Path(__file__).resolve().parents[1]
CYRILLIC = re.compile("[А-Яа-яЁё]")
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_both_languages_with_the_same_placeholders():
    problems = []
    for key, texts in labels.TEXTS.items():
        if len(texts) != 2 or not all(t.strip() for t in texts):
            problems.append(f"{key}: lacks a language")
        elif _placeholders(texts[0]) & {"key", "lang"}:
            problems.append(f"{key}: a placeholder is named like t()'s own arguments")
        elif _placeholders(texts[0]) != _placeholders(texts[1]):
            problems.append(f"{key}: placeholders differ {_placeholders(texts[0])} vs {_placeholders(texts[1])}")
    assert not problems, problems


def test_every_chart_and_query_has_its_words_in_both_languages():
    for name in charts.CHARTS:
        for part in ("title", "unit", "empty"):
            assert f"chart.{name}.{part}" in labels.TEXTS
    for name in queries.QUERIES:
        assert CYRILLIC.search(labels.t(f"query.{name}", "ru")), name


def test_every_column_the_queries_return_has_a_header_in_both_languages_and_no_header_repeats(q):
    unnamed, repeated = set(), set()
    for name, query in queries.QUERIES.items():
        filters = {"indicator": "3.2.2"} if "indicator" in query.filters else {}
        columns = list(q(name, programme="SI-CA-REG", **filters).columns)
        unnamed |= {f"{name}.{column}" for column in columns if f"column.{column}" not in labels.TEXTS}
        for lang in labels.LANGUAGES:
            headers = [labels.column(column, lang) for column in columns]
            repeated |= {f"{name}: {h} ({lang})" for h in headers if headers.count(h) > 1}
    assert not unnamed and not repeated


def test_russian_numbers_and_dates_follow_russian_conventions():
    assert fmt.number(4432461, lang="ru") == f"4{NBSP}432{NBSP}461"
    assert fmt.number(4432461) == "4,432,461"
    assert fmt.percent(14.66, 1, lang="ru") == "14,7 %"
    assert fmt.number(None, lang="ru") == "нет данных"
    assert fmt.signed(-3.5, 1, unit="%", lang="ru") == "−3,5 % п. п."
    assert fmt.date(dt.datetime(2026, 11, 22, 14, 5), "ru", with_time=True) == "22 ноября 2026 14:05"
    assert fmt.date(dt.date(2026, 5, 1), "en") == "01 May 2026"
    assert fmt.month(dt.date(2026, 3, 1), "ru") == "март 2026"


def test_a_count_of_one_reads_right():
    # "Download the 1 charts" was the page's button with one chart: the words hold for any count.
    assert labels.t("page.zip", "en", count=1) == "Download every chart of this page (1, ZIP)"
    assert labels.t("page.zip", "en", count=3) == "Download every chart of this page (3, ZIP)"


def test_names_are_the_established_russian_ones():
    choices = viewstate.Choices({"SI-CA-REG": "Spotlight Regional Programme"}, (2020,), lang="ru")
    assert choices.label("runo", "UNW") == "ООН-Женщины" and choices.label("runo", "UNDP") == "ПРООН"
    assert choices.label("country", "KGZ") == "Кыргызстан"
    assert choices.label("pillar", 3) == "Компонент 3: Профилактика и социальные нормы"
    assert "«Луч света»" in choices.label("programme", "SI-CA-REG")
    assert choices.in_language("en").label("programme", "SI-CA-REG") == "Spotlight Regional Programme"


def _run(page, **params):
    at = page_alone(page, timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return open_sources(at.run())  # their captions are words of the app too


def _unescaped(text: str) -> str:
    """As the reader sees Markdown text: "Источник\\: …" reads "Источник: …"."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!:|~<>$])", r"\1", text)


def _visible_texts(at) -> list[str]:
    """What a reader sees that the app itself words (tables hold data and stay as loaded)."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
                                  "success") for e in getattr(at, kind)]
    texts += [m.label for m in at.metric] + [m.value for m in at.metric]
    texts += [w.label for kind in ("button", "selectbox", "toggle", "radio", "checkbox", "expander", "text_input")
              for w in getattr(at, kind)]
    return [str(t) for t in texts if t]


# English words a Russian page keeps: names, codes, file formats and commands.
KEPT = {"spotlight", "iati", "mptfo", "initiative", "fund", "chromium", "readme", "python", "spotlight_dash", "build",
        "xlsx", "data", "document", "snapshot", "consultation", "indicators", "reach", "events", "scripts",
        "sdg_context", "programme", "file", "open-sdg",
        "english"}  # the switch back names its language in that language
ENGLISH_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")


def _english_leftovers(texts: list[str], statements: set[str]) -> list[str]:
    leftovers = []
    english = {en for en, ru in labels.TEXTS.values() if en != ru and len(en) >= 12 and "{" not in en}
    for text in texts:
        stripped = re.sub(r"`[^`]*`", "", text)
        # results' statements are the documents' words, in their language; the longest first, so that a
        # shorter one inside it ("AR2020-campaign-femagora" in "…-femagora-stories") leaves no part behind
        for quote in sorted(statements, key=len, reverse=True):
            stripped = stripped.replace(quote, "")
        if any(en in stripped for en in english):
            leftovers.append(text)
        elif [w for w in ENGLISH_WORD.findall(stripped) if w.lower() not in KEPT] and not CYRILLIC.search(stripped):
            leftovers.append(text)
    return leftovers


@pytest.mark.parametrize("page", PAGES)
def test_every_page_reads_in_russian_with_no_english_left(use_shipped, q, page):
    at = _run(page, lang="ru")
    assert not at.exception, at.exception
    assert CYRILLIC.search(at.title[0].value)
    statements = set(q("results_framework", programme="SI-CA-REG").statement.dropna())
    # A chart's source line names documents and their sections as the documents title them.
    sources = q("sources", programme="SI-CA-REG")
    statements |= {t for t in [*sources.citation, *sources.section] if isinstance(t, str)}
    # A figure's sources, opened: each document by its title, its quote line by line, its file or id.
    statements |= {t for t in [*sources.title, *sources.location, *sources.source_id] if isinstance(t, str)}
    statements |= {line for quote in sources.quote.dropna() for line in quote.splitlines()}
    assert not _english_leftovers([_unescaped(t) for t in _visible_texts(at)], statements)
    # and the same page in English has no Russian in what the app words
    english = _run(page, lang="en")
    assert not english.exception
    assert not [t for t in _visible_texts(english)
                if CYRILLIC.search(t) and "«" not in t and t not in labels.LANGUAGES.values()]


# Table columns whose values the app itself words (codes, countries, organisations, statuses); the
# rest (names, notes, quotes, titles) are the data's own words, in the language they were loaded in.
APP_WORDED_COLUMNS = {*fmt.WORDED_COLUMNS, "status"}
ENGLISH_NAMES = {code.name for table in (codes.COUNTRIES, codes.ORGANISATIONS, codes.PILLARS) for code in table.values()}
CODE_WORDS = {value for vocabulary in codes.VOCABULARIES.values() for value in vocabulary if ENGLISH_WORD.search(value)}
TEAM_WORDS = set(dataset_words.RUSSIAN)  # the shipped dataset's categories, units, period names and notes


def _plot_strings(spec: dict) -> list[str]:
    """A chart's categories, legend entries, bar texts and the names written above its bars."""
    found = []
    for trace in spec.get("data", []):
        for key in ("x", "y", "text"):
            values = trace.get(key)
            if isinstance(values, list):
                found += [v for v in values if isinstance(v, str)]
        if isinstance(trace.get("name"), str):
            found.append(trace["name"])
    # Names standing above bars are annotations: "small grants · adult", one part at a time.
    notes = [a["text"] for a in spec.get("layout", {}).get("annotations", []) if isinstance(a.get("text"), str)]
    return found + [part.strip() for note in notes for part in re.split(r" · |<br>", note)]


@pytest.mark.parametrize("page", PAGES)
def test_russian_tables_and_charts_word_codes_and_names_in_russian(use_shipped, page):
    at = _run(page, lang="ru")
    assert not at.exception, at.exception
    leftovers = [f"{column}: {value}" for table in (d.value for d in at.dataframe)
                 for column in table.columns if column in APP_WORDED_COLUMNS
                 for value in table[column].dropna().astype(str).unique()
                 if ENGLISH_WORD.search(value) and not CYRILLIC.search(value)]
    for chart in at.get("plotly_chart"):
        leftovers += [f"chart: {text}" for text in _plot_strings(json.loads(chart.proto.spec))
                      if text in ENGLISH_NAMES | CODE_WORDS | TEAM_WORDS]
    assert not leftovers, leftovers


def test_every_word_the_dataset_team_wrote_has_its_russian():
    """"small grants", "Phase I (2020–2022)", "people", "TOTAL row of the table": the team's words in the
    shipped data (not the documents' names and quotes) read in Russian on a Russian page."""
    missing = set()
    for path in sorted(ROOT.glob("data/*/*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                missing |= {f"{path.parent.name}/{path.name} {name}: {value}" for name, value in row.items()
                            if name in labels.WORDED_BY_THE_TEAM and value and ENGLISH_WORD.search(value)
                            and value not in dataset_words.RUSSIAN}
    assert not missing, sorted(missing)
    assert all(CYRILLIC.search(ru) for ru in dataset_words.RUSSIAN.values())


def test_the_overview_in_russian_shows_russian_figures_and_charts(use_shipped):
    at = _run("overview", lang="ru")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Бюджет, долл. США"] == f"4{NBSP}432{NBSP}461"
    assert metrics["Прямой охват 2020"] == f"6{NBSP}407"
    # The chart's title is a heading of the page, its source line a caption under the plot.
    assert "Бюджет по получающим организациям ООН" in [h.value for h in at.subheader]
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-chart-budget-by-runo"))
    assert "ООН-Женщины" in json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
    assert any(_unescaped(c.value).startswith("Источник:") and "загружено" in c.value for c in at.caption)


def test_the_language_stays_across_pages_and_lives_in_the_url(use_shipped):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception
    assert at.query_params["lang"] == "ru" and at.title[0].value == labels.t("overview.title", "ru")
    at.switch_page("pages/reach.py").run()
    assert at.title[0].value == "Охват" and at.query_params["lang"] == "ru"
    at.radio(key="language_choice").set_value("en").run()
    assert at.title[0].value == "Reach" and at.query_params["lang"] == "en"


def test_a_russian_chart_exports_with_russian_words_and_numbers(use_shipped):
    view, _ = open_view({"programme": "SI-CA-REG"}, lang="ru")
    try:
        files = view.chart_files("media-hits-by-country")
        book = openpyxl.load_workbook(io.BytesIO(files.xlsx()))
        about = {row[0]: row[1] for row in book["о данных"].iter_rows(values_only=True)}
        assert about["заголовок"] == "Упоминания в СМИ по странам"
        assert about["альтернативный текст"].startswith("Столбчатая диаграмма: Упоминания в СМИ по странам")
        assert "Казахстан 39" in about["альтернативный текст"]
        header, *rows = book["media_hits_by_country"].iter_rows(values_only=True)
        assert "страна" in header
        named = {row[header.index("страна")]: row[header.index("название страны")] for row in rows}
        assert named["KAZ"] == "Казахстан"  # the code stays the file's key; the name is the reader's
        assert files.base_name.endswith("_ru")
    finally:
        view.close()


def test_russian_value_axes_say_thousands_and_millions_in_russian(use_shipped):
    # plotly's own ticks would read "500k" and "2.5M" (or "0,5M") on a Russian chart
    view, _ = open_view({"programme": "SI-CA-REG"}, lang="ru")
    try:
        budget = view.chart_files("budget-by-runo").figure("wide").to_plotly_json()["layout"]["xaxis"]
        reach = view.chart_files("reach-against-target").figure("wide").to_plotly_json()["layout"]
    finally:
        view.close()
    assert budget["ticktext"] == ["0", "1 млн", "2 млн", "3 млн"]
    assert [reach[axis]["ticktext"][1] for axis in ("yaxis", "yaxis2")] == ["50 тыс.", "10 млн"]  # direct, indirect
    assert charts._russian_tick(1_250_000) == "1,25 млн"  # a quarter step is not rounded to "1,2 млн"


def test_codes_have_russian_names():
    assert all(CYRILLIC.search(c.name_ru) for table in (codes.COUNTRIES, codes.ORGANISATIONS, codes.PILLARS)
               for c in table.values())


def _bad_workbook() -> bytes:
    from tests.workbook_fixtures import FINANCE, book, finance_row
    from spotlight_dash import schema

    return book({
        "finance": [FINANCE, finance_row(amount="lots"), finance_row(source_id=None), finance_row(country="Kazakstan"),
                    finance_row(pillar=7), finance_row(period_id="2O21"), finance_row(amount=-5, activity_id="A-1"),
                    finance_row(amount="inf", activity_id="A-2"), finance_row(activity_id="dup"),
                    finance_row(activity_id="dup"), finance_row(amount=9_000_000, activity_id="A-3")],
        "periods": [schema.TABLES["periods"].columns, ["2031", "2031", "2031-12-31", "2031-01-01"],
                    ["2032", "2032", "end of 2032", "2032-12-31"]],
        "Budget": [["a"], [1]],
        "reach": [[c.replace("reach_type", "reach type") for c in schema.TABLES["reach"].columns]],
    })


def test_every_problem_and_fix_of_a_bad_workbook_reads_in_russian(store_copy):
    from spotlight_dash.ingest import pipeline
    from spotlight_dash.labels import messages

    result = pipeline.check_workbook(_bad_workbook(), "figures.xlsx")
    texts = [t for p in result.report.problems for t in (p.message, p.fix) if t]
    assert len(result.report.problems) >= 10
    untranslated = [t for t in texts if not CYRILLIC.search(messages.translate(t, "ru"))]
    assert not untranslated
    near_miss = next(p for p in result.report.problems if "Kazakstan" in p.message)
    assert messages.translate(near_miss.message, "ru").startswith("неизвестный код (страна): 'Kazakstan'")
    assert messages.translate(near_miss.message, "en") == near_miss.message  # English stays as the tests pin it


def test_the_russian_template_explains_itself_in_russian_and_keeps_the_names_the_import_reads(store_copy):
    from spotlight_dash import schema, workbook_template
    from spotlight_dash.ingest import pipeline

    _, current, _, _ = pipeline.current_tables()
    book = openpyxl.load_workbook(io.BytesIO(workbook_template.template_bytes(current, "ru")))
    instructions = [row[0] for row in book.worksheets[0].iter_rows(values_only=True) if row[0]]
    assert instructions[0] == "Панель результатов «Луча света» · шаблон данных"
    assert "Как заполнять" in instructions and "• Finance: бюджеты и расходы (ключ: " + ", ".join(
        schema.TABLES["finance"].key) + ")" in instructions
    finance = book[schema.TABLES["finance"].sheet]
    assert finance["A1"].value == "programme_id" and "обязательно" in finance["A1"].comment.text
    assert any("выберите значение из списка" in (v.error or "") for v in finance.data_validations.dataValidation)
    marked = workbook_template.highlight_problems(_bad_workbook(), pipeline.check_workbook(
        _bad_workbook(), "figures.xlsx").report.problems, "ru")
    comment = openpyxl.load_workbook(io.BytesIO(marked))["Finance"]["F4"].comment.text
    assert comment.startswith("ошибка: неизвестный код (страна)")


def test_the_data_page_reads_in_russian_for_an_editor(use_shipped, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "ru"
    at.run()
    assert at.sidebar.expander[0].label == "Редактор"
    at.sidebar.text_input(key="editor_secret_input").input("s3cret").run()
    at.sidebar.button(key="editor_sign_in").click().run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert [u.label for u in at.get("file_uploader")] == ["Книга Excel (.xlsx)", "Файл мероприятий IATI (.xml)"]
    assert not _english_leftovers(_visible_texts(at), set())


@pytest.mark.skipif(not __import__("shutil").which("chromium"), reason="Chromium is not installed (make test installs it)")
def test_the_russian_pack_and_png_carry_russian_words(use_shipped):
    from PIL import Image
    from pptx import Presentation

    from spotlight_dash.exports import pack

    view, _ = open_view({"programme": "SI-CA-REG"}, lang="ru")
    try:
        deck = Presentation(io.BytesIO(pack.build(view, "pptx")))
        titles = [slide.shapes[0].text_frame.text for slide in deck.slides]
        assert titles[:3] == ["Материалы для Руководящего комитета", "Ключевые цифры", "Бюджет по агентствам ООН"]
        headline = deck.slides[1]
        table = next(shape.table for shape in headline.shapes if shape.has_table)
        assert table.cell(0, 0).text == "показатель" and table.cell(1, 1).text == f"4{NBSP}432{NBSP}461"
        pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
        assert all(p._element.nvPicPr.cNvPr.get("descr", "").startswith("Столбчатая диаграмма:") for p in pictures)
        png = Image.open(io.BytesIO(view.chart_files("reach-against-target").image("png", "wide")))
        assert png.size == (1920, 1080)
        assert "Охвачено 2020 6\u00a0407" in png.text["Description"]
    finally:
        view.close()


def test_meeting_mode_without_its_sidebar_still_switches_language(use_shipped):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/meeting.py").run()
    assert at.button(key="switch_language").label == "Русский"
    at.button(key="switch_language").click().run()
    assert not at.exception and at.title[0].value == "Руководящий комитет" and at.query_params["lang"] == "ru"
    assert at.button(key="switch_language").label == "English"


def test_every_code_a_chart_or_page_names_has_its_words():
    from spotlight_dash import metrics

    expected = [f"chart.sex.{s}" for s in (*codes.SEXES, "all")] + [f"chart.age.{a}" for a in codes.AGE_GROUPS]
    expected += [f"kpi.value_kind.{k}" for k in codes.INDICATOR_VALUE_KINDS] + [f"rag.{r}" for r in metrics.RAG_LEVELS]
    expected += [f"data.status.{s}" for s in ("problems", "warnings", "valid", "nothing to change", "committed")]
    assert not [key for key in expected if key not in labels.TEXTS]
