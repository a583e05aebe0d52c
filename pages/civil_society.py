"""Civil society: small grants by country, the reference group, consultations."""

from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.civil_society"), t("civil.question"))
chart_block.columns(view, ["grants-by-country"], ["reference-group"])
disputed = view.q("grants").disputed.sum()
page.query_section(view, t("civil.grants"), "grants", t("civil.no_grants"),
                   t("civil.disputed", count=int(disputed)) if disputed else None)
page.query_section(view, t("civil.consultations"), "events", t("civil.no_consultations"),
                   keep=lambda events: events[events.event_type == "consultation"])
page.footer(view)
