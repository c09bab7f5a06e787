"""A test-only Streamlit script: the "Watch it learn" player for one of the tutorial's runs
(tests/e2e/test_playback_browser.py drives it). ?example=1, 2 or 3 (default 3)."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run tests/...`

import tinynet
from dashboard.ui.playback import watch_it_learn

example = {"1": 1, "2": 2}.get(st.query_params.get("example", "3"), 3)
st.title(f"Watch it learn: Example {example}")
watch_it_learn(tinynet.train(tinynet.preset(example)), key=f"watch_{example}")
