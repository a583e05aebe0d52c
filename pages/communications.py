"""Communications: media hits by country, pillar and month, the EU's visibility, campaigns and events."""

from spotlight_dash.ui import chart_block, page

view = page.start("Communications", "Media hits, the share that acknowledges the EU, social media, "
                  "campaigns and events.")
chart_block.columns(view, ["media-hits-by-country", "media-hits-by-pillar"],
                    ["media-eu-acknowledgement", "media-hits-by-month"])
chart_block.show(view, "campaigns-compared")
page.table_section("Campaigns", view.q("campaigns"), "No campaigns reported for this selection.")
page.table_section("Events", view.q("events"), "No events reported for this selection.",
                   "A row with empty country is the whole event; the others are its parts by country.")
page.footer(view)
