"""A page's link: its settings as short codes. Streamlit-free, except `state`."""
