"""The dashboard's building blocks.

Streamlit-free (results in, data out; unit-tested without Streamlit): `sampling`, `charts`,
`tables`, `budget`, `downloads`, `untrusted` (untrusted text made inert for Markdown) and
`links` (a page's settings as short codes in its link: read, checked, written). Streamlit
helpers: `controls` (the controls' specs and widgets), `url_state` (the page owns its link:
reads it when the page is opened, writes it once per run), `cache` (cached engine calls with
progress), `sections` (page sections shared by the example pages). Pages import these and
stay thin.
"""
