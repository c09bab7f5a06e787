"""DataFrame builders: results (or the model) in, DataFrame out. No Streamlit, no Altair."""
