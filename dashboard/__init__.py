"""The dashboard's building blocks.

Streamlit-free (results in, data out; unit-tested without Streamlit): `sampling`, `charts`,
`tables`, `budget`, `downloads`. Streamlit helpers: `controls` (URL-bound controls with
fallback), `cache` (cached engine calls with progress), `sections` (page sections shared by
the example pages). Pages import these and stay thin.
"""
