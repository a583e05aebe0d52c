"""Communications: media hits by country, pillar and month, the EU's visibility, campaigns and events."""

from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.communications"), t("communications.question"))
chart_block.columns(view, ["media-hits-by-country", "media-hits-by-pillar"],
                    ["media-eu-acknowledgement", "media-hits-by-month"])
chart_block.show(view, "campaigns-compared")
page.query_section(view, t("communications.campaigns"), "campaigns", t("communications.no_campaigns"))
page.query_section(view, t("communications.events"), "events", t("communications.no_events"),
                   t("communications.events_caption"))
page.footer(view)
