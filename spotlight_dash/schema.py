"""The tables of the store, as pydantic row models: the one source of truth for columns.

Each model lists its columns in order with their types, units and descriptions; the DDL, the
Excel template and docs/queries.md's column lists are generated from here. ``TABLES`` registers
every data table with its natural key (the columns that identify a row for updates).

Conventions: a NULL dimension (``country``, ``sex``, ``component`` ...) means "all" -- a row
with ``country`` NULL is the programme-wide figure, and rows with a country are its breakdown.
A NULL measure means "not reported", never zero.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from spotlight_dash import codes


class CodeError(ValueError):
    """A value outside its vocabulary; carries the near-miss suggestion for the report."""

    def __init__(self, vocabulary: str, value: Any, suggestion: str | None):
        self.vocabulary, self.value, self.suggestion = vocabulary, value, suggestion
        hint = f'; did you mean "{suggestion}"?' if suggestion else ""
        allowed = ", ".join(codes.VOCABULARIES[vocabulary])
        super().__init__(f"unknown {vocabulary.replace('_', ' ')} {value!r}{hint} (allowed: {allowed})")


def _coded(vocabulary: str):
    def check(value: Any) -> Any:
        if value is None:
            return None
        code = codes.normalise_code(vocabulary, value)
        if code is None:
            raise CodeError(vocabulary, value, codes.suggest_code(vocabulary, value))
        return code

    return Annotated[str, BeforeValidator(check), Field(json_schema_extra={"vocabulary": vocabulary})]


def _text(value: Any) -> Any:
    """Trim text; an empty cell is missing, not an empty string."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _not_nan(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _pillar(value: Any) -> Any:
    value = _not_nan(_text(value))
    if value is None:
        return None
    try:
        number = int(str(value).strip().removeprefix("Pillar").strip())
    except ValueError:
        raise CodeError("pillar", value, None) from None
    if number not in codes.PILLARS:
        raise CodeError("pillar", value, None)
    return number


codes.VOCABULARIES["pillar"] = tuple(str(p) for p in codes.PILLARS)

Text = Annotated[str, BeforeValidator(_text)]
Country = _coded("country")
Organisation = _coded("organisation")
Pillar = Annotated[int, BeforeValidator(_pillar), Field(json_schema_extra={"vocabulary": "pillar"})]
Count = Annotated[int, BeforeValidator(_not_nan), Field(ge=0, json_schema_extra={"unit": "count"})]
AmountUSD = Annotated[float, BeforeValidator(_not_nan), Field(json_schema_extra={"unit": "USD"})]
# Amounts are never negative: a refund or correction is reported as a smaller amount, not below 0.
Amount = Annotated[float, BeforeValidator(_not_nan), Field(ge=0, json_schema_extra={"unit": "currency"})]
Percent = Annotated[
    float, BeforeValidator(_not_nan), Field(ge=0, le=100, json_schema_extra={"unit": "%"})
]
Number = Annotated[float, BeforeValidator(_not_nan)]
Date = Annotated[dt.date, PlainSerializer(lambda d: d.isoformat())]
Timestamp = Annotated[dt.datetime, PlainSerializer(lambda d: d.isoformat())]
Flag = Annotated[bool, BeforeValidator(_not_nan)]
Currency = Annotated[str, BeforeValidator(lambda v: _text(v).upper() if isinstance(v, str) else v),
                     Field(pattern=r"^[A-Z]{3}$")]
SourceId = Annotated[Text, Field(description="the source of this figure: a row of `sources`")]


class Row(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, allow_inf_nan=False, frozen=True
    )


# ---- reference tables -------------------------------------------------------------------


class Document(Row):
    document_id: Text = Field(description="short identifier, e.g. AR2020")
    file: Text = Field(description="file name of the document")
    title: Text
    citation: Text | None = Field(None, description="short name for source lines, e.g. Annual report 2020")
    publisher: Text | None = None
    published_on: Date | None = Field(None, description="date of publication or of the data")
    language: Text = Field("en", description="ISO 639-1 language of the document")


class Source(Row):
    source_id: Text
    document_id: Text | None = Field(None, description="the document, for a document source")
    section: Text | None = Field(None, description="the section heading the figure is under")
    quote: Text | None = Field(None, description="a short verbatim quote that contains the figure")
    location: Text | None = Field(None, description="file, sheet and row, for a loaded file")


class Programme(Row):
    programme_id: Text = Field(description="short identifier, e.g. SI-CA-REG")
    name: Text
    short_name: Text
    mptf_project_id: Text | None = Field(None, description="MPTF Office project number")
    phase: Text | None = None
    source_id: SourceId


class ProgrammeDate(Row):
    programme_id: Text
    kind: _coded("date_kind")
    date: Date
    source_id: SourceId


class Period(Row):
    period_id: Text = Field(description="e.g. 2020, 2021, PHASE-I")
    label: Text
    start_date: Date
    end_date: Date


class Result(Row):
    programme_id: Text
    result_code: Text = Field(description="outcome or output code, e.g. 3 or 3.2")
    level: _coded("result_level")
    parent_code: Text | None = Field(None, description="the outcome an output belongs to")
    pillar: Pillar | None = None
    statement: Text | None = Field(None, description="as the source states it; empty = the source gives only the code")
    source_id: SourceId


class Indicator(Row):
    programme_id: Text
    indicator_code: Text = Field(description="e.g. 3.2.2")
    result_code: Text | None = None
    title: Text
    unit: Text = Field(description="what one counts: people, campaigns, stories, percent ...")
    direction: _coded("direction") = Field("higher", description="which way is better")
    cumulative: Flag = Field(False, description="actuals add up over periods")
    source_id: SourceId


# ---- fact tables ------------------------------------------------------------------------


class IndicatorValue(Row):
    programme_id: Text
    indicator_code: Text
    period_id: Text
    kind: _coded("indicator_value_kind")
    country: Country | None = None
    sex: _coded("sex") | None = None
    age_group: _coded("age_group") | None = None
    value: Number | None = Field(None, description="in the indicator's unit; empty = not reported")
    note: Text | None = None
    source_id: SourceId


class Finance(Row):
    programme_id: Text
    organisation: Organisation
    period_id: Text
    kind: _coded("finance_kind")
    pillar: Pillar | None = None
    country: Country | None = None
    activity_id: Text | None = Field(None, description="IATI activity identifier, verbatim")
    amount: Amount | None = Field(None, description="in `currency`; empty = not reported")
    currency: Currency = "USD"
    is_interim: Flag = Field(False, description="expenditure not yet certified at year end")
    source_id: SourceId
    # Last, after the source: workbooks made before it keep their columns where they were.
    is_lower_bound: Flag = Field(False, description="the source gives the amount as a lower bound ('more than 5 million')")


class DeliveryRate(Row):
    """A delivery (implementation) rate as a document states it, or the rate aimed for."""

    programme_id: Text
    period_id: Text
    kind: _coded("delivery_rate_kind")
    organisation: Organisation | None = None
    rate_pct: Percent
    basis: Text | None = Field(None, description="what the rate is measured against")
    source_id: SourceId


class Reach(Row):
    programme_id: Text
    period_id: Text
    kind: _coded("reach_kind")
    reach_type: _coded("reach_type")
    sex: _coded("sex") | None = None
    age_group: _coded("age_group") | None = None
    component: Text | None = Field(None, description="channel or component, e.g. small grants")
    country: Country | None = None
    count: Count | None = Field(None, description="people; empty = not reported")
    note: Text | None = None
    source_id: SourceId


class Media(Row):
    programme_id: Text
    period_id: Text
    measure: _coded("media_measure")
    country: Country | None = None
    pillar: Pillar | None = None
    media_type: Text | None = None
    outlet: Text | None = None
    published_on: Date | None = None
    count: Count | None = None
    source_id: SourceId


class Campaign(Row):
    programme_id: Text
    campaign_id: Text
    name: Text
    partner: Text | None = None
    channel: Text | None = None
    period_id: Text | None = None
    start_date: Date | None = None
    end_date: Date | None = None
    posts: Count | None = None
    stories: Count | None = None
    views: Count | None = None
    engagements: Count | None = None
    followers: Count | None = None
    female_audience_pct: Percent | None = None
    source_id: SourceId


class Event(Row):
    programme_id: Text
    event_id: Text
    name: Text
    event_type: _coded("event_type")
    start_date: Date
    end_date: Date | None = None
    country: Country | None = Field(None, description="empty = the whole event; else its part")
    participants: Count | None = None
    youth_participants: Count | None = None
    views: Count | None = None
    note: Text | None = None
    source_id: SourceId


class Grant(Row):
    programme_id: Text
    period_id: Text | None = None
    kind: _coded("grant_kind")
    country: Country | None = None
    grantee_name: Text | None = None
    count: Count | None = None
    amount_usd: AmountUSD | None = Field(None, ge=0)
    note: Text | None = None
    source_id: SourceId


class ReferenceGroupMember(Row):
    programme_id: Text
    body: Text = Field(description="e.g. CS-RRG, the civil society regional reference group")
    country: Country | None = None
    members: Count
    source_id: SourceId


# ---- national context: SDG indicators, from national statistics offices' open data ----------


class SdgIndicator(Row):
    sdg_code: Text = Field(description="global SDG indicator number, e.g. 5.2.1")
    title_en: Text = Field(description="official title (UN global indicator framework)")
    title_ru: Text | None = Field(None, description="official Russian title")
    source_id: SourceId


class SdgValue(Row):
    sdg_code: Text
    country: Country
    year: Annotated[int, Field(ge=1990, le=2100)]
    series: Text = Field(description="the data series code as published")
    series_label: Text | None = None
    breakdown: Text | None = Field(None, description="composite breakdown code, e.g. form of violence")
    breakdown_label: Text | None = None
    age: Text | None = Field(None, description="age group code; empty = all ages")
    age_label: Text | None = None
    unit: Text = Field(description="unit of measure, e.g. Percent")
    value: Number | None = Field(None, description="empty = not published")
    source_row: int | None = Field(None, description="row of the published file (header = 1)")
    source_id: SourceId


# ---- IATI activity files (agencies' own publications, IATI standard 2.03) -------------------
# Amounts stay in the currency the publisher gave (the value's, else the activity's default):
# never converted, never added across currencies. Where each row came from (file, element path,
# line) is in the store's row_sources; source_id names the file.

IatiId = Annotated[str, Field(description="IATI activity identifier, verbatim (may contain spaces)")]
SignedAmount = Annotated[float, BeforeValidator(_not_nan), Field(json_schema_extra={"unit": "currency"})]


def _one_of(values) -> Any:
    # IATI's own codes, kept out of the workbook's dropdown lists (IATI rows come from XML, not Excel).
    return Annotated[str, Field(pattern="^(" + "|".join(values) + ")$", description=" or ".join(values))]


Occurrence = Annotated[int, Field(ge=1, description="1 for the first such element in the activity, 2 for a repeat ...")]


class IatiActivity(Row):
    iati_identifier: IatiId
    reporting_org_ref: Text | None = None
    reporting_org_name: Text | None = None
    title: Text | None = None
    default_currency: Currency | None = None
    activity_status: Text | None = Field(None, description="IATI ActivityStatus code")
    planned_start: Date | None = None
    actual_start: Date | None = None
    planned_end: Date | None = None
    actual_end: Date | None = None
    spotlight_funded: Flag = Field(False, description='funding organisation is the "MPTFO-Spotlight Initiative Fund"')
    programme_id: Text | None = Field(None, description="the programme a user linked this activity to; empty = not linked")
    source_id: SourceId


class IatiParticipant(Row):
    iati_identifier: IatiId
    role: _one_of(codes.IATI_ORG_ROLES.values())
    org_ref: Text | None = None
    org_name: Text | None = None
    org_type: Text | None = Field(None, description="IATI OrganisationType code")
    source_id: SourceId


class IatiCountry(Row):
    iati_identifier: IatiId
    country_code: Text = Field(description="ISO 3166-1 alpha-2, as published")
    country_name: Text | None = None
    percentage: Percent | None = Field(None, description="share of the activity; empty = not stated")
    source_id: SourceId


class IatiSector(Row):
    iati_identifier: IatiId
    vocabulary: Text = Field(description="IATI SectorVocabulary code (1 = OECD DAC 5-digit)")
    code: Text
    name: Text | None = None
    percentage: Percent | None = None
    source_id: SourceId


class IatiBudget(Row):
    iati_identifier: IatiId
    budget_type: _one_of(codes.IATI_BUDGET_TYPES.values()) = Field(description="original or revised; a revised budget replaces the original for its period")
    status: _one_of(codes.IATI_BUDGET_STATUSES.values()) = Field(description="indicative or committed")
    period_start: Date
    period_end: Date
    occurrence: Occurrence = 1
    value: SignedAmount | None = Field(None, description="in `currency`; empty = not reported")
    currency: Currency
    value_date: Date | None = None
    source_id: SourceId


class IatiTransaction(Row):
    iati_identifier: IatiId
    transaction_type: Text = Field(description="IATI TransactionType code: 1 incoming funds, 11 incoming commitment, "
                                   "2 outgoing commitment, 3 disbursement, 4 expenditure ...")
    transaction_type_name: Text | None = None
    transaction_date: Date
    currency: Currency
    value: SignedAmount = Field(description="in `currency`; negative = a correction, kept as published")
    occurrence: Occurrence = 1
    value_date: Date | None = None
    provider_org: Text | None = None
    receiver_org: Text | None = None
    source_id: SourceId


class IatiIndicator(Row):
    iati_identifier: IatiId
    result_no: Annotated[int, Field(ge=1, description="position of the result in the activity")]
    indicator_no: Annotated[int, Field(ge=1, description="position of the indicator in its result")]
    result_type: Text | None = Field(None, description="IATI ResultType: 1 output, 2 outcome, 3 impact, 9 other")
    result_title: Text | None = None
    title: Text | None = None
    measure: Text | None = Field(None, description="IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative")
    ascending: Flag = Field(True, description="true = higher is better")
    source_id: SourceId


class IatiIndicatorValue(Row):
    iati_identifier: IatiId
    result_no: Annotated[int, Field(ge=1)]
    indicator_no: Annotated[int, Field(ge=1)]
    kind: _one_of(codes.IATI_VALUE_KINDS) = Field(description="baseline, target or actual")
    period_start: Date | None = Field(None, description="empty for a baseline")
    period_end: Date | None = None
    dimensions: Text | None = Field(None, description="e.g. sex=female; empty = all")
    occurrence: Occurrence = 1
    baseline_year: Annotated[int, Field(ge=1900, le=2100)] | None = None  # a year, not any integer DuckDB cannot hold
    value: Number | None = Field(None, description="empty = not reported (never 0)")
    value_text: Text | None = Field(None, description="the value as published, when it is not a number")
    comment: Text | None = None
    source_id: SourceId


# ---- the Steering Committee's records: written in the app, one note at a time -------------

NOTE_TEXT_LIMIT = 2000


class Meeting(Row):
    meeting_id: Annotated[int, Field(ge=1, description="1 for the first meeting recorded, then 2 ...")]
    held_on: Date = Field(description="the day of the meeting")
    title: Annotated[Text, Field(max_length=200)]
    snapshot: Annotated[int, Field(ge=1, description="the snapshot whose figures the meeting reviews")]
    opened_by: Text
    closed: Flag = Field(False, description="true once the meeting is closed: no more notes")


class Note(Row):
    """A decision, an action point or a comment, on the figure (chart or headline card) it was made on."""

    note_id: Annotated[int, Field(ge=1)]
    meeting_id: Annotated[int, Field(ge=1)]
    kind: _coded("note_kind")
    text: Annotated[Text, Field(max_length=NOTE_TEXT_LIMIT, description="as written: plain text, never HTML")]
    language: Annotated[str, Field(pattern="^(en|ru)$", description="the language of the screen it was written on")]
    chart: Text | None = Field(None, description="the chart, or kpi:<key> for a headline card; empty = the meeting")
    link: Text | None = Field(None, description="the view it was made on, as a link's query string (country=KGZ&year=2021)")
    snapshot: Annotated[int, Field(ge=1, description="the snapshot on screen when it was written")]
    author: Text
    written_at: Timestamp = Field(description="UTC")
    owner: Organisation | None = Field(None, description="an action's owner organisation")
    owner_person: Annotated[Text, Field(max_length=120)] | None = Field(None, description="an action's owner, by name")
    due: Date | None = Field(None, description="an action's due date")
    status: _coded("action_status") | None = Field(None, description="an action's status: open, done or dropped")


@dataclass(frozen=True)
class Table:
    name: str
    model: type[Row]
    key: tuple[str, ...]
    description: str
    sheet: str  # the workbook sheet name
    in_workbook: bool = True  # False: loaded only from its own format (IATI XML), never edited in Excel

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)

    @property
    def is_fact(self) -> bool:
        return "source_id" in self.model.model_fields and self.name != "sources"


def _fact(name, model, dims, description, sheet):
    return Table(name, model, (*dims, "source_id"), description, sheet)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("documents", Document, ("document_id",), "source documents", "Documents"),
        Table("sources", Source, ("source_id",), "where each figure comes from", "Sources"),
        Table("periods", Period, ("period_id",), "reporting periods", "Periods"),
        Table("programmes", Programme, ("programme_id",), "Spotlight programmes", "Programmes"),
        _fact("programme_dates", ProgrammeDate, ("programme_id", "kind"), "key dates", "Dates"),
        Table("results", Result, ("programme_id", "result_code"), "outcomes and outputs", "Results"),
        Table("indicators", Indicator, ("programme_id", "indicator_code"), "indicators", "Indicators"),
        _fact("indicator_values", IndicatorValue,
              ("programme_id", "indicator_code", "period_id", "kind", "country", "sex", "age_group"),
              "baselines, targets, milestones and actuals", "Indicator values"),
        _fact("finance", Finance,
              ("programme_id", "organisation", "period_id", "kind", "pillar", "country", "activity_id", "currency"),
              "budgets and expenditure", "Finance"),
        _fact("delivery_rates", DeliveryRate, ("programme_id", "period_id", "kind", "organisation"),
              "delivery rates as stated, and the aim", "Delivery rates"),
        _fact("reach", Reach,
              ("programme_id", "period_id", "kind", "reach_type", "sex", "age_group", "component", "country"),
              "rights holders reached, and targets", "Reach"),
        _fact("media", Media,
              ("programme_id", "period_id", "measure", "country", "pillar", "media_type", "outlet", "published_on"),
              "media hits", "Media"),
        _fact("campaigns", Campaign, ("programme_id", "campaign_id"), "campaigns and social media", "Campaigns"),
        _fact("events", Event, ("programme_id", "event_id", "country"), "events", "Events"),
        _fact("grants", Grant, ("programme_id", "period_id", "kind", "country", "grantee_name"),
              "civil-society small grants", "Grants"),
        _fact("reference_group", ReferenceGroupMember, ("programme_id", "body", "country"),
              "civil society reference group composition", "Reference group"),
        _fact("sdg_indicators", SdgIndicator, ("sdg_code",), "SDG indicators with official titles", "SDG indicators"),
        _fact("sdg_values", SdgValue, ("sdg_code", "country", "year", "series", "breakdown", "age"),
              "national SDG data on violence against women", "SDG values"),
        # IATI rows are identified by the activity, whatever file brought them: a newer file replaces them.
        Table("iati_activities", IatiActivity, ("iati_identifier",), "IATI activities", "IATI activities", in_workbook=False),
        Table("iati_participants", IatiParticipant, ("iati_identifier", "role", "org_ref", "org_name"),
              "IATI participating organisations and their roles", "IATI participants", in_workbook=False),
        Table("iati_countries", IatiCountry, ("iati_identifier", "country_code"),
              "IATI recipient countries with percentages", "IATI countries", in_workbook=False),
        Table("iati_sectors", IatiSector, ("iati_identifier", "vocabulary", "code"), "IATI sectors", "IATI sectors", in_workbook=False),
        Table("iati_budgets", IatiBudget, ("iati_identifier", "budget_type", "period_start", "period_end", "occurrence"),
              "IATI budgets, original and revised", "IATI budgets", in_workbook=False),
        Table("iati_transactions", IatiTransaction,
              ("iati_identifier", "transaction_type", "transaction_date", "currency", "value", "occurrence"),
              "IATI transactions (commitments, disbursements, expenditure ...)", "IATI transactions", in_workbook=False),
        Table("iati_indicators", IatiIndicator, ("iati_identifier", "result_no", "indicator_no"),
              "IATI result indicators", "IATI indicators", in_workbook=False),
        Table("iati_indicator_values", IatiIndicatorValue,
              ("iati_identifier", "result_no", "indicator_no", "kind", "period_start", "period_end", "dimensions", "occurrence"),
              "IATI indicator baselines, targets and actuals", "IATI indicator values", in_workbook=False),
        Table("meetings", Meeting, ("meeting_id",), "Steering Committee meetings", "Meetings", in_workbook=False),
        Table("notes", Note, ("note_id",), "decisions, action points and comments of the meetings", "Notes",
              in_workbook=False),
    )
}


def column_meta(table: str, column: str) -> dict[str, Any]:
    field = TABLES[table].model.model_fields[column]
    extra: dict[str, Any] = {}
    for item in [field, *field.metadata]:
        if isinstance(getattr(item, "json_schema_extra", None), dict):
            extra.update(item.json_schema_extra)
    for arg in get_args(field.annotation):  # Optional[Annotated[...]]
        for meta in getattr(arg, "__metadata__", ()):
            if isinstance(getattr(meta, "json_schema_extra", None), dict):
                extra.update(meta.json_schema_extra)
    return {
        "required": field.is_required(),
        "description": field.description or "",
        "vocabulary": extra.get("vocabulary"),
        "unit": extra.get("unit"),
        "sql_type": _sql_type(field.annotation),
    }


def _sql_type(annotation: Any) -> str:
    base = annotation
    while get_origin(base) is not None:
        inner = [a for a in get_args(base) if a is not type(None)]
        if get_origin(base) is Annotated:
            base = get_args(base)[0]
        else:
            base = inner[0]
    return {int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE", dt.datetime: "TIMESTAMP"}.get(base, "VARCHAR")


def ddl(table: str) -> str:
    cols = ", ".join(
        f'"{c}" {column_meta(table, c)["sql_type"]}' for c in TABLES[table].columns
    )
    return f'CREATE TABLE "{table}" ({cols})'


IATI_TABLES = tuple(name for name in TABLES if name.startswith("iati_"))
WORKBOOK_TABLES = tuple(name for name, table in TABLES.items() if table.in_workbook)
# Written by people in the app, not loaded from data/: a build from data/ carries them over.
RECORD_TABLES = ("meetings", "notes")
