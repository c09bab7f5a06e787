"""What the pages show, computed from the engine's results. No Streamlit, no Altair."""
