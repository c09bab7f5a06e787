"""R's arithmetic, where it differs from NumPy's: sums taken strictly left to right.

R's reference BLAS and its C loops add the terms of a sum one after another; NumPy's
`sum` adds pairwise and a BLAS kernel in blocks. Each order is as valid as the other,
but where training amplifies roundoff (Example 3 at alpha 10, nnet's unpenalised fits)
only R's order reproduces R's printed digits. `np.cumsum` adds strictly in order.
"""

from __future__ import annotations

import numpy as np


def ordered_sum(terms: np.ndarray, axis: int = -1) -> np.ndarray:
    """Sum along `axis`, left to right, as a C `for` loop does. (..., m) -> (...)."""
    if terms.shape[axis] == 0:
        return np.zeros(np.delete(terms.shape, axis))
    return np.take(np.cumsum(terms, axis=axis), -1, axis=axis)


def r_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b with each sum taken left to right, as R's reference BLAS does.

    Shapes as np.matmul: (..., n, k) @ (..., k, m) -> (..., n, m).
    """
    return ordered_sum(a[..., :, :, None] * b[..., None, :, :], axis=-2)
