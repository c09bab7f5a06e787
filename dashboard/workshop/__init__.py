"""The workshop: exercises the app checks, an instructor's handout and QR codes. No Streamlit.

- `exercises`: EXERCISES in teaching order, `exercises_for(page)`, `exercise(id)`;
- `model`: an Exercise (question, link params, answer kind, check, solve, hint, explanation);
- `params`: an exercise's link (`url`) and the settings it opens its page with;
- `runs`: the engine calls the checks make, cached by settings;
- `handout`: the handout as Markdown and printable HTML, with or without solutions;
- `qr`: a QR code for a link (SVG or PNG), for projecting.
"""
