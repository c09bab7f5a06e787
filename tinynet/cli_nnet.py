"""The `nnet` subcommand: fit R's nnet::nnet in NumPy and print what R prints.

    tinynet nnet --size 4 --seed 1 [--skip 0] [--decay 0] [--entropy] [--maxit 100] [--json]

`--size 4 --seed 1 --skip 24` and `--size 32 --seed 1 --skip 128` print the tutorial's
two nnet comparisons (tinynet/nnet_reference.py says where the skipped draws went).

`tinynet/cli.py` builds the main parser, calls `register(subparsers)` and runs
`args.handler(args)`; a ValueError from the handler is reported there in one line.
"""

from __future__ import annotations

import argparse
import json

from tinynet.nnet import fit_nnet, nnet_json
from tinynet.printing import nnet_printout


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `nnet` subcommand to `subparsers` and return its parser."""
    parser = subparsers.add_parser(
        "nnet",
        help="fit R's nnet::nnet (BFGS) to the tutorial's X and print what R prints",
        description="Reproduce set.seed(SEED); runif(SKIP); nnet::nnet(X, y, size = SIZE) on "
        "the tutorial's XOR data, printing R's trace, data.frame(coef(fit_nnet)) and "
        "fitted(fit_nnet) as R prints them. --size 4 --seed 1 --skip 24 and --size 32 --seed 1 "
        "--skip 128 are the tutorial's own fits.",
    )
    parser.add_argument("--size", type=int, default=4, help="hidden units (default 4)")
    parser.add_argument("--seed", type=int, default=1, help="R's set.seed value (default 1)")
    parser.add_argument(
        "--skip",
        type=int,
        default=0,
        help="R random draws used up by earlier code before nnet draws its start weights "
        "(default 0; the tutorial's fits: 24 and 128). Not nnet's skip-layer option",
    )
    parser.add_argument(
        "--decay", type=float, default=0.0, help="weight decay on all weights (default 0)"
    )
    parser.add_argument(
        "--entropy", action="store_true", help="fit by maximum likelihood (nnet entropy=TRUE)"
    )
    parser.add_argument("--maxit", type=int, default=100, help="maximum iterations (default 100)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.set_defaults(handler=_run_nnet)
    return parser


def _run_nnet(args: argparse.Namespace) -> int:
    """Fit and print; bad values raise ValueError (the main CLI turns it into exit 2)."""
    fit = fit_nnet(
        size=args.size,
        seed=args.seed,
        skip=args.skip,
        decay=args.decay,
        entropy=args.entropy,
        maxit=args.maxit,
    )
    if args.json:
        print(json.dumps(nnet_json(fit), indent=2, allow_nan=False))
    else:
        print(nnet_printout(fit))
    return 0
