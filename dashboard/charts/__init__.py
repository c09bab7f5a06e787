"""Altair builders: results (or the model) in, chart out. No Streamlit."""
