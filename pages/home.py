"""Home: what the three examples teach and how to use the dashboard."""

import streamlit as st

from dashboard.ui import shell
from dashboard.ui.share import share_box

shell.require_app()  # a link that opens this page first still gets the whole app
share_box({}, reset=False)

st.title("tinynet: backpropagation, number by number")
st.markdown(
    """
A dashboard for the three small networks of the tutorial *Neural Network* (after Andrew
Trask's posts), trained by a NumPy engine that reproduces the tutorial's printed numbers,
for its Python code and for its R code. Four rows of data, three input columns (the third
is a constant 1 that acts as a bias), and the same loop every time: forward pass, error,
slope of the sigmoid, weight update.
"""
)

EXAMPLES = [  # (page, title, what it teaches)
    (
        "example_1",
        "Example 1: one layer",
        "No hidden layer: the output is the sigmoid of the inputs times three weights, so this "
        "is logistic regression fitted by backpropagation. The target is the first input "
        "column, so the classes separate perfectly and the weights keep growing. The update "
        "is the error times the sigmoid's slope: confident outputs (near 0 or 1) barely move.",
    ),
    (
        "example_2",
        "Example 2: a hidden layer",
        "XOR of the first two columns: no single layer can fit it. Four hidden units, "
        "each a sigmoid of a weighted sum of the inputs, feed one output unit. The error is "
        "passed back through `synapse_1` to tell each hidden unit how it contributed. "
        "See the hidden activations and both weight matrices, and the tutorial's error lines.",
    ),
    (
        "example_3",
        "Example 3: the learning rate",
        "Thirty-two hidden units and a learning rate alpha. The same starting weights are "
        "trained with seven alphas from 0.001 to 1000: too small barely learns, too large "
        "saturates the sigmoids and sticks at an error of 0.5; alpha = 10 does best here.",
    ),
]
for column, (page, title, text) in zip(st.columns(len(EXAMPLES)), EXAMPLES, strict=True):
    with column:
        st.subheader(title)
        st.markdown(text)
        label = "Open " + title.split(":")[0]  # Open Example 1
        st.page_link(f"pages/{page}.py", label=label, icon=":material/arrow_forward:")

st.subheader("How to use it")
st.markdown(
    """
- Every page starts at the tutorial's settings. Its first screen answers: the error during
  training beside the prediction table, with a verdict on whether the network learned its
  target. The tabs below hold the rest, starting with the tutorial's printed numbers beside
  ours (**Tutorial says / we get**). Change a setting in the sidebar and the network is
  retrained.
- **Initial weights**: *Python (NumPy)* draws them like the tutorial's Python code, *R* like
  its R code (`set.seed` + `runif`), so both columns of the tutorial can be reproduced.
- The settings live in the page's address: **Share this setting** (in the sidebar) gives the
  link and a QR code; **Reset to the tutorial's settings** goes back to the start.
- **Watch it learn** plays the training back; **Try this** has the page's workshop questions;
  **Code & downloads** has the loop as a standalone NumPy script, the errors and the weights.
- Run it yourself: `python -m pip install -r requirements.txt && streamlit run app.py`.
"""
)
