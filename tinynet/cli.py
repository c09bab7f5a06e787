"""The command line: `python -m tinynet run | sweep | nnet ...`.

Bad input prints one line on stderr and exits with status 2; no tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import cli_nnet
from .budget import check_work
from .export import run_dict
from .printing import seed_printout
from .settings import SEED_ALPHAS, RunSettings, preset
from .train import sweep, train


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ValueError as error:
        print(f"tinynet: error: {error}", file=sys.stderr)
        return 2


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit status 2), like ours."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="python -m tinynet",
        description="The seed's backpropagation examples, number by number.",
    )
    sub = parser.add_subparsers(required=True, metavar="{run,sweep,nnet}")
    run = sub.add_parser("run", help="train one network and print what the seed prints")
    _add_run_options(run, default_example=2)
    run.set_defaults(handler=_run)
    swp = sub.add_parser("sweep", help="train several alphas together (Example 3's sweep)")
    _add_run_options(swp, default_example=3)
    swp.add_argument(
        "--alphas",
        type=_number_list,
        default=list(SEED_ALPHAS),
        help="comma-separated learning rates (default: the seed's seven)",
    )
    swp.set_defaults(handler=_sweep)
    cli_nnet.register(sub)
    return parser


def _add_run_options(parser: argparse.ArgumentParser, default_example: int) -> None:
    parser.add_argument("--example", type=int, default=default_example, help="1, 2 or 3")
    parser.add_argument("--init", default=None, help="numpy (the seed's Python) or r (its R)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--hidden", type=int, default=None, help="hidden units (Examples 2, 3)")
    parser.add_argument("--alpha", type=float, default=None, help="learning rate")
    parser.add_argument("--iterations", type=int, default=None)
    parser.add_argument(
        "--target", default=None, help="a name (xor, and, ...) or 4 numbers a,b,c,d"
    )
    parser.add_argument("--activation", default=None, help="sigmoid, tanh or relu (hidden layer)")
    parser.add_argument("--no-bias", action="store_true", help="drop the constant input column")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")


def _settings(args: argparse.Namespace) -> RunSettings:
    """The example's seed settings, with the options given on the command line."""
    changes = {
        name: getattr(args, name)
        for name in ("init", "seed", "hidden", "alpha", "iterations", "target", "activation")
        if getattr(args, name) is not None
    }
    if args.no_bias:
        changes["bias"] = False
    return preset(args.example).but(**changes)


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    check_work(settings)  # the dashboard's bound on the work: one line and exit 2 above it
    run = train(settings)
    print(_json(run_dict(run)) if args.json else seed_printout(run))
    return 0


def _sweep(args: argparse.Namespace) -> int:
    settings = _settings(args)
    check_work(settings, len(args.alphas))
    runs = sweep(settings, args.alphas)
    if args.json:
        print(_json({"alphas": args.alphas, "runs": [run_dict(r) for r in runs]}))
    else:
        print("\n\n".join(seed_printout(r) for r in runs))
    return 0


def _json(data: dict) -> str:
    return json.dumps(data, allow_nan=False)


def _number_list(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a comma-separated list of numbers: {text!r}"
        ) from None
    if not values:
        raise argparse.ArgumentTypeError("no alphas given")
    return values
