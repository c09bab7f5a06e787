"""R's default random numbers: `set.seed(s)` then `runif(n, min, max)`, bit for bit.

R's default generator is the Mersenne-Twister (MT19937), the same core as NumPy's.
What differs is the seeding: R scrambles the integer seed with the linear congruential
step `seed = 69069 * seed + 1` (mod 2**32), fifty times, then fills the 625-word state
with further steps, and sets the position to 624 so that the first draw regenerates
the state. A draw is the tempered 32-bit output times 2**-32, in [0, 1).
"""

from __future__ import annotations

import numpy as np

_N = 624  # words of Mersenne-Twister state
_U32 = 0xFFFFFFFF
_INT_MIN = -(2**31)


def _r_state(seed: int) -> np.ndarray:
    """The 624 state words R's `set.seed(seed)` leaves (shape (624,), uint32)."""
    s = seed & _U32
    for _ in range(50):  # R's "initial scrambling"
        s = (69069 * s + 1) & _U32
    words = []
    for _ in range(_N + 1):  # word 0 is R's position slot, overwritten with 624
        s = (69069 * s + 1) & _U32
        words.append(s)
    return np.array(words[1:], dtype=np.uint32)


def check_r_seed(seed: int) -> int:
    """Return `seed` if R's `set.seed` accepts it, else raise ValueError."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if not _INT_MIN < int(seed) < 2**31:
        raise ValueError(f"R seed must be in ({_INT_MIN}, 2**31), got {seed!r}")
    return int(seed)


class RRandom:
    """A stream of R's uniform draws after `set.seed(seed)`; each call continues it."""

    def __init__(self, seed: int):
        self._bits = np.random.MT19937()
        self._bits.state = {
            "bit_generator": "MT19937",
            "state": {"key": _r_state(check_r_seed(seed)), "pos": _N},
        }

    def unif(self, n: int) -> np.ndarray:
        """`n` draws on [0, 1), as R's `unif_rand()` (shape (n,))."""
        u = self._bits.random_raw(n).astype(np.float64) * 2.3283064365386963e-10  # 2**-32
        # R's fixup keeps draws inside (0, 1): a zero word becomes half of 1/(2**32 - 1).
        return np.where(u <= 0.0, 0.5 * 2.328306437080797e-10, u)

    def runif(self, n: int, low: float = 0.0, high: float = 1.0) -> np.ndarray:
        """R's `runif(n, low, high)`: `low + (high - low) * u` (shape (n,))."""
        return low + (high - low) * self.unif(n)

    def matrix(self, rows: int, cols: int, low: float = 0.0, high: float = 1.0) -> np.ndarray:
        """R's `matrix(runif(rows * cols, low, high), rows, cols)`: filled column by column."""
        return self.runif(rows * cols, low, high).reshape(cols, rows).T.copy()


def r_runif(seed: int, n: int, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """R's `set.seed(seed); runif(n, low, high)` (shape (n,))."""
    return RRandom(seed).runif(n, low, high)
