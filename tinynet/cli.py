"""The command line: `tinynet run | sweep | nnet ...` (or `python -m tinynet ...`).

Bad input prints one line on stderr and exits with status 2; no tracebacks. Output piped to
a reader that stops early (`tinynet nnet | head -1`) ends quietly too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import cli_nnet
from .activations import ACTIVATIONS
from .budget import check_work
from .data import TARGETS
from .export import run_dict
from .printing import seed_printout
from .settings import EXAMPLES, INITS, SEED_ALPHAS, RunSettings, preset
from .train import sweep, train

USAGE = [  # (arguments, what they print): the examples --help shows
    ("run --example 2", "Example 2, as the tutorial's Python code prints it"),
    ("run --example 3 --init r", "Example 3, as the tutorial's R code prints it"),
    ("run --target and --json", "Example 2 learning AND, as one JSON object"),
    ("sweep --alphas 0.1,1,10", "three learning rates, trained together"),
    ("nnet --size 4 --skip 24", "the tutorial's nnet::nnet fit, as R prints it"),
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser(program_name())
    args = parser.parse_args(argv)
    try:
        status = args.handler(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        # The reader has gone (`| head -1`): stop quietly. Python flushes stdout again at
        # exit, so point it at devnull first, or that flush would complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except ValueError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2


def program_name() -> str:
    """`python -m tinynet` when run as the module, else `tinynet` (the console script)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return (
        "python -m tinynet" if spec is not None and spec.name == "tinynet.__main__" else "tinynet"
    )


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit status 2), like ours."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser(prog: str = "tinynet") -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=prog,
        description="The tutorial's backpropagation examples, number by number: train them\n"
        "and print what the tutorial's Python or R code prints.",
        epilog="examples:\n" + "\n".join(f"  {prog} {args}\n      {what}" for args, what in USAGE),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the examples as written
    )
    sub = parser.add_subparsers(required=True, metavar="{run,sweep,nnet}", title="commands")
    run = sub.add_parser(
        "run",
        help="train one network and print what the tutorial prints",
        description="Train one network of the tutorial's Example 1, 2 or 3 and print what "
        "the tutorial's code prints. Options not given keep the example's own settings.",
    )
    _add_run_options(run, default_example=2)
    run.set_defaults(handler=_run)
    swp = sub.add_parser(
        "sweep",
        help="train several alphas together (Example 3's sweep)",
        description="Train one network per learning rate, all from the same starting "
        "weights, together in one loop (Example 3's sweep), and print each as the tutorial "
        "prints it.",
    )
    _add_run_options(swp, default_example=3)
    swp.add_argument(
        "--alphas",
        type=_number_list,
        default=list(SEED_ALPHAS),
        metavar="A,B,...",
        help="comma-separated learning rates (default: the tutorial's seven, 0.001 to 1000)",
    )
    swp.set_defaults(handler=_sweep)
    cli_nnet.register(sub)
    return parser


def _add_run_options(parser: argparse.ArgumentParser, default_example: int) -> None:
    add = parser.add_argument
    add(
        "--example",
        type=int,
        choices=EXAMPLES,
        default=default_example,
        help=f"the tutorial's example whose settings to start from (default {default_example})",
    )
    add(
        "--init",
        choices=INITS,
        default=None,
        help="starting weights drawn as the tutorial's Python (numpy) or R code (r) draws them",
    )
    add("--seed", type=int, default=None, help="the random seed")
    add("--hidden", type=int, default=None, help="hidden units (Examples 2, 3)")
    add("--alpha", type=float, default=None, help="the learning rate")
    add("--iterations", type=int, default=None, help="passes over the four rows")
    add(
        "--target",
        default=None,
        help=f"a name ({', '.join(TARGETS)}) or four numbers in [0, 1]: 0,1,1,0.5",
    )
    add(
        "--activation",
        choices=tuple(ACTIVATIONS),
        default=None,
        help="the hidden layer's activation (the output stays a sigmoid)",
    )
    add("--no-bias", action="store_true", help="drop the constant input column x3")
    add("--json", action="store_true", help="print one JSON object instead")


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
