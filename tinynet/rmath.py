"""R's arithmetic, where it differs from NumPy's: sums taken strictly left to right.

R's reference BLAS and its C loops add the terms of a sum one after another; NumPy's
`sum` adds pairwise and a BLAS kernel in blocks. Each order is as valid as the other,
but where training amplifies roundoff (Example 3 at alpha 10, nnet's unpenalised fits)
only R's order reproduces R's printed digits. `np.cumsum` adds strictly in order.
"""

from __future__ import annotations

import numpy as np

# With few terms over big arrays, adding whole slices one by one beats a running sum
# (7x for 100 networks of 128 units); for small arrays, fewer NumPy calls win.
FEW_TERMS = 8
SMALL = 2048


def ordered_sum(terms: np.ndarray, axis: int = -1) -> np.ndarray:
    """Sum along `axis`, left to right, as a C `for` loop does. (..., m) -> (...)."""
    if terms.shape[axis] == 0:
        return np.zeros(np.delete(terms.shape, axis))
    return np.take(np.cumsum(terms, axis=axis), -1, axis=axis)


def r_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b with each sum taken left to right, as R's reference BLAS does.

    Shapes as np.matmul: (..., n, k) @ (..., k, m) -> (..., n, m).
    """
    k = a.shape[-1]
    products = a[..., :, :, None] * b[..., None, :, :]  # (..., n, k, m)
    if k > FEW_TERMS or products.size < SMALL:  # one vectorised running sum
        return np.cumsum(products, axis=-2)[..., -1, :]  # cumsum adds strictly in order
    total = products[..., 0, :]
    for i in range(1, k):  # few terms (X's 3 columns, 4 rows): add them one at a time
        total = total + products[..., i, :]
    return total
