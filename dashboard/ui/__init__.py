"""Everything that draws Streamlit elements. Only pages/ and app.py import it."""
