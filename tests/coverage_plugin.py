"""pytest option `--rule-coverage FILE`: write which scenarios proved each rule.

The step library records each rule a scenario asserted to fire or stay
silent (review/coverage.py); at the end of the session this plugin writes
them as JSON for `review coverage --report FILE`.
"""

from __future__ import annotations

from review import coverage


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--rule-coverage", metavar="FILE", default=None,
        help="写出规则覆盖率报告（JSON）：每条规则被哪些场景触发、哪些场景确认不触发",
    )


def pytest_sessionstart(session) -> None:
    coverage.RECORDS.clear()


def pytest_sessionfinish(session, exitstatus) -> None:
    path = session.config.getoption("--rule-coverage")
    if path:
        coverage.write(path)
