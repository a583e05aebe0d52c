"""Random values, types and shapes thrown at the IATI reader: never a crash, only reported problems,
each at its place (the file, and for anything inside it the line and element path).

The random files start from the real ones in tests/fixtures/iati and are damaged element by element:
hostile attribute values and texts (wrong types for amounts, dates and percentages, NaN, inf, huge
numbers, empty strings, unicode), elements dropped, repeated, moved or renamed. Same budget as
test_bad_input.py: ~30 examples per test, no deadline, the empty store of each test.
"""

import copy
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from spotlight_dash.ingest import pipeline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "iati"
NAME = "random.xml"
SETTINGS = settings(max_examples=30, deadline=None)
STATUSES = {"problems", "warnings", "valid", "nothing to change"}
PARSER = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)


def _base(name: str, activities: int = 2) -> etree._ElementTree:
    """A fixture with at most ``activities`` activities, an identifier each and version 2.03, so the
    damage reaches the readers of budgets, transactions and results instead of stopping at the top."""
    tree = etree.parse(str(FIXTURES / name), PARSER)
    root = tree.getroot()
    root.set("version", "2.03")
    for extra in root.findall("iati-activity")[activities:]:
        root.remove(extra)
    for number, activity in enumerate(root.findall("iati-activity"), start=1):
        identifier = activity.find("iati-identifier")
        if identifier is not None and not (identifier.text or "").strip():
            identifier.text = f"RANDOM-{number}"
    return tree


BASES = [_base(n) for n in ("activity-standard-example-annotated.xml", "schema-test-19-budget.xml",
                            "schema-test-21-transaction.xml", "schema-test-24-results.xml",
                            "spotlight_unwomen_undp_ec_2021_extract.xml")]
TAGS = sorted({e.tag for b in BASES for e in b.iter() if isinstance(e.tag, str)})
ATTRIBUTES = sorted({a for b in BASES for e in b.iter() for a in e.attrib if not a.startswith("{")})

# Text XML can hold (no control characters, no lone surrogates), and the values that break readers.
hostile = st.one_of(
    st.sampled_from(["", " ", "NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "9" * 400,
                     "1,000.5", "1.000,5", "12 345", "٣٤٥", "１２３", "0x1F", "-0", "1e-400", "2021-13-45",
                     "2021-02-30", "0000-00-00", "99999-01-01", "2021", "abc", "USD", "usd", "XXX", "€", "true",
                     "false", "-1", "101", "1" * 25, "<script>alert(1)</script>", "=1+1", "Кыргызстан", "مرحبا",
                     "😀", "\u200f", "\ufeff"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), max_size=20),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
damage = st.tuples(st.sampled_from(["attribute", "text", "drop", "repeat", "move", "child", "rename"]),
                   st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000),
                   st.sampled_from(ATTRIBUTES), hostile, st.sampled_from(TAGS))


def _damaged(base: etree._ElementTree, damages) -> bytes:
    tree = copy.deepcopy(base)
    for kind, i, j, attribute, value, tag in damages:
        elements = [e for e in tree.iter() if isinstance(e.tag, str)]
        element, other = elements[i % len(elements)], elements[j % len(elements)]
        parent = element.getparent()
        if kind == "attribute":
            element.set(attribute, value)
        elif kind == "text":
            element.text = value
        elif kind == "drop" and parent is not None:
            parent.remove(element)
        elif kind == "repeat" and parent is not None:
            element.addnext(copy.deepcopy(element))
        elif kind == "move" and parent is not None and element not in other.iterancestors() and other is not element:
            other.append(element)
        elif kind == "child":
            etree.SubElement(element, tag).text = value
        elif kind == "rename" and parent is not None:
            element.tag = tag
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


# What may be said of the file as a whole rather than of one element.
WHOLE_FILE = ("the file holds no <iati-activity>",
              "does not follow the IATI 2.03 schema")  # the count of a break said five times already


def _check(data: bytes, placed_inside: bool = False):
    """No exception; a known status; every problem names the file, and (for a file that parsed as
    iati-activities) a line and an element path unless it is about the whole file."""
    result = pipeline.check_iati(data, NAME)
    assert result.status in STATUSES
    for problem in result.report.problems:
        assert problem.place.file == NAME, problem.line()
        assert problem.line().removeprefix("warning: ").startswith(NAME), problem.line()
        if placed_inside and problem.place.path is None:
            assert problem.message.startswith(WHOLE_FILE), problem.line()
        if problem.place.path is not None and problem.place.path != "/":
            assert problem.place.row is not None, problem.line()
        # XML is spoken of in elements, attributes and lines: never a cell, never pydantic's own words.
        for spreadsheet in ("the cell holds", "fill in ", "String should match pattern", "Input should be"):
            assert spreadsheet not in problem.line(), problem.line()
    if result.status == "problems":
        assert result.report.errors
    return result


@SETTINGS
@given(base=st.sampled_from(BASES), damages=st.lists(damage, min_size=1, max_size=6))
def test_damaged_real_files_are_reported_never_raised(base, damages):
    try:
        data = _damaged(base, damages)
    except ValueError:  # a value lxml itself refuses to put in a tree: no file to test
        return
    _check(data, placed_inside=True)


@SETTINGS
@given(field=st.sampled_from(["value", "currency", "value-date", "iso-date", "percentage", "code", "type", "status",
                              "year", "measure", "ascending", "vocabulary", "role", "default-currency"]),
       value=hostile)
@example(field="year", value="1" * 25)  # found by hypothesis: a baseline year beyond INT64 crashed the comparison
def test_any_value_in_any_field_of_a_good_activity_is_checked_never_raised(field, value):
    """Every attribute or amount the reader converts, given a hostile value on every element at once."""
    tree = copy.deepcopy(BASES[0])
    try:
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            if field == "value" and element.tag == "value":
                element.text = value
            elif field in element.attrib or (field == "value" and element.tag in ("target", "actual", "baseline")):
                element.set(field, value)
    except ValueError:
        return
    _check(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"), placed_inside=True)


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_random_bytes_are_refused_with_a_message(data):
    assert _check(data).status == "problems"


@SETTINGS
@given(body=st.text(max_size=300), version=hostile)
def test_random_text_inside_an_iati_root_is_reported_never_raised(body, version):
    text = f'<?xml version="1.0"?><iati-activities version="{version}">{body}</iati-activities>'
    _check(text.encode("utf-8", "replace"))


@SETTINGS
@given(base=st.sampled_from(BASES), cut=st.integers(min_value=1, max_value=20_000),
       flip=st.integers(min_value=0, max_value=20_000))
def test_truncated_or_damaged_bytes_are_refused_with_a_message(base, cut, flip):
    good = bytearray(etree.tostring(base, xml_declaration=True, encoding="UTF-8"))
    damaged = bytearray(good[: max(1, len(good) - cut % len(good))])
    if flip < len(damaged):
        damaged[flip] ^= 0xFF
    _check(bytes(damaged))
