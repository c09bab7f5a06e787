"""The dashboard's building blocks, one folder per job. The pages (pages/*.py, routed by
app.py) import them and stay thin: controls, one cached call into the engine, then charts
and tables.

url/       the link: a page's settings as short codes a person can type
  untrusted   text from a link or a user made inert for Markdown
  links       the codes: read, checked, written (`Spec`)
  targets     the target control's options, labels and codes (a name or four numbers)
  controls    the controls' specs (`Control`) and the pages' standard sets of them
  state       the one Streamlit module here: the link read into st.session_state when a
              page is opened, and written back from it once per run
model/     what a page shows, computed from engine results
  sampling    which iterations of a long trajectory a chart draws (log-spaced, bounded)
  ensembles   a band of seeds boiled down to what the pages draw, and its sentence
  compare     Backprop vs nnet: each method's summary, the plain net's objective
  step        one iteration of the seed's loop, in the seed's names and signs
  code_lines  the tutorial's line of code for each stage of that iteration
  stages      the iteration stage by stage: line, shapes, matrices (`Grid`)
  surface     the training rows and snapshots a decision surface is drawn with
  targets     a custom target's typed cells, checked
  notes       what a page says beside a run: the bias column, a divergence
  downloads   CSV and JSON text for the download buttons
charts/    Altair builders: results or model in, chart out
  axes        height, formats, the iteration and log axes every chart shares
  errors      error trajectories: one run, a sweep, a run over its band of seeds
  weights, sigmoid, heatmap, surface, compare: one kind of chart each
tables/    DataFrame builders: results or model in, DataFrame out (numbers stay numbers)
  runs, sweep, band, compare, step: a run's, a sweep's, a band's, the comparison's and
  the Step by step page's tables
ui/        everything that draws Streamlit elements
  shell       every page runs inside app.py's navigation
  cache       cached engine calls with progress, and the time guard in front of them
  widgets     a Control drawn as a widget; `PageLink`, a page's controls and its link
  display     a chart or a table as a page shows it (number formats)
  settings    an example page's settings; target_input: the custom-target table
  run, band, surfaces, downloads: the example pages' sections, by subject
workshop/  the exercises, their checks, the handout and QR codes

The import rule (tests/test_dashboard_layout.py holds it):
- url (but url/state.py), model, charts, tables and workshop never import Streamlit, and
  model and tables never import Altair: all of them are tested without a page.
- url imports only the engine (url/state.py: url too); model imports url; charts and
  tables import model; workshop imports model; ui imports anything.
- Nothing in dashboard/ imports ui: only the pages and app.py do (and the tests).
- No import cycles.
"""
