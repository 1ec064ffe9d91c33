"""The `review` command line: a thin layer over the Python API.

Each command lives in its own module under review/commands/ and exposes
`register(subparsers)`; this file only finds them, runs the chosen one and
turns the library's errors into a Chinese message and exit code 2.
Exit codes: 0 done (for `check`: outcome approve), 1 done with findings that
block the decision or a failed check (lint, verify), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys

from . import commands
from .errors import ReviewError, ReviewInputError, UnknownProfileError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Chinese and exits 2."""

    def error(self, message: str) -> None:  # noqa: D401
        self.print_usage(sys.stderr)
        print(f"错误：命令行参数有误：{message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="review", description="重大执法决定法制审核")
    parser.add_argument("--json-errors", action="store_true", help="以 JSON 输出错误（供业务系统调用）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def _report(error: ReviewError, as_json: bool) -> None:
    if as_json:
        body = error.to_dict() if hasattr(error, "to_dict") else {"error": type(error).__name__, "message": str(error)}
        print(json.dumps(body, ensure_ascii=False, indent=2), file=sys.stderr)
    else:
        print(f"错误：{error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except (ReviewInputError, UnknownProfileError, ReviewError) as error:
        _report(error, args.json_errors)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
