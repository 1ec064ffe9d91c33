"""Working days (工作日) under China's statutory holidays and make-up workdays.

Art. 85 of the Administrative Penalty Law counts its 2/3/5/7-day limits in
working days. chinesecalendar knows the State Council's holiday notices for
2004–2026; for a later year an agency may supply a holiday file
(checklists/holidays/YEAR.yaml with `holidays:` and `workdays:` lists), and
without one we count Monday–Friday and say so in a warning, because a silent
guess at a deadline is worse than a visible one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from .resources import folder


@dataclass
class Calendar:
    """Working-day arithmetic with a record of years it had to guess."""

    holiday_dir: Path | None = None
    guessed_years: set[int] = field(default_factory=set)

    def is_workday(self, day: date) -> bool:
        workday, guessed = _classify(self._dir(), day)
        if guessed:
            self.guessed_years.add(day.year)
        return workday

    def _dir(self) -> Path:
        return self.holiday_dir if self.holiday_dir is not None else _default_holiday_dir()

    def add(self, start: date, workdays: int) -> date:
        """The date `workdays` working days after `start` (start itself not counted)."""
        day = start
        remaining = workdays
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative if end is earlier."""
        if end < start:
            return -self.between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count

    def warnings(self) -> list[str]:
        return [
            f"{year} 年的法定节假日和调休安排未知（chinesecalendar 未收录，checklists/holidays/{year}.yaml 也未提供），"
            f"该年按周一至周五计算工作日，期限可能不准确"
            for year in sorted(self.guessed_years)
        ]


@lru_cache(maxsize=1)
def _default_holiday_dir() -> Path:
    return folder("checklists") / "holidays"


@lru_cache(maxsize=8192)
def _classify(directory: Path, day: date) -> tuple[bool, bool]:
    """(is it a working day, was it guessed from the weekday); memoised because
    every check counts the same few months of days again."""
    supplied = _supplied_year(directory, day.year)
    if supplied is not None:
        holidays, workdays = supplied
        if day in workdays:
            return True, False
        if day in holidays:
            return False, False
        return day.weekday() < 5, False
    try:
        import chinese_calendar

        return chinese_calendar.is_workday(day), False
    except NotImplementedError:
        return day.weekday() < 5, True


@lru_cache(maxsize=64)
def _supplied_year(directory: Path, year: int) -> tuple[frozenset[date], frozenset[date]] | None:
    path = directory / f"{year}.yaml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return (
        frozenset(date.fromisoformat(str(d)) for d in data.get("holidays", [])),
        frozenset(date.fromisoformat(str(d)) for d in data.get("workdays", [])),
    )
