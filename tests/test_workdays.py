"""Working days (行政处罚法第八十五条: 期限以工作日计算的，不含法定节假日).

2025 dates follow the State Council's 2025 holiday notice (国办发明电〔2024〕12号):
National Day and Mid-Autumn 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班.
"""

from __future__ import annotations

from datetime import date

from review.workdays import Calendar


def test_national_day_2025_is_not_a_working_day():
    calendar = Calendar()
    assert not any(calendar.is_workday(date(2025, 10, d)) for d in range(1, 9))
    assert calendar.guessed_years == set()


def test_make_up_working_days_2025():
    calendar = Calendar()
    assert calendar.is_workday(date(2025, 9, 28))   # a Sunday, worked
    assert calendar.is_workday(date(2025, 10, 11))  # a Saturday, worked
    assert not calendar.is_workday(date(2025, 10, 12))  # the Sunday after stays a rest day


def test_counting_across_national_day_2025():
    calendar = Calendar()
    # After Tue 30 Sep: 9, 10, 11 (Saturday, worked), 13 October.
    assert calendar.add(date(2025, 9, 30), 4) == date(2025, 10, 13)
    assert calendar.between(date(2025, 9, 30), date(2025, 10, 13)) == 4
    assert calendar.between(date(2025, 10, 13), date(2025, 9, 30)) == -4


def test_unknown_year_falls_back_to_weekdays_with_a_warning(tmp_path):
    calendar = Calendar(holiday_dir=tmp_path)  # empty: no file for 2027
    # 1 October 2027 is a Friday: a weekday guess calls it a working day.
    assert calendar.is_workday(date(2027, 10, 1))
    assert not calendar.is_workday(date(2027, 10, 2))  # Saturday
    assert calendar.guessed_years == {2027}
    [warning] = calendar.warnings()
    assert "2027" in warning and "周一至周五" in warning


def test_a_supplied_holiday_file_is_used(tmp_path):
    # A fictional agency file for 2027, not a real notice: it only has to be obeyed.
    (tmp_path / "2027.yaml").write_text(
        "holidays: [2027-10-01, 2027-10-04]\nworkdays: [2027-10-09]\n", encoding="utf-8"
    )
    calendar = Calendar(holiday_dir=tmp_path)
    assert not calendar.is_workday(date(2027, 10, 1))
    assert not calendar.is_workday(date(2027, 10, 4))
    assert calendar.is_workday(date(2027, 10, 5))       # an ordinary Tuesday
    assert calendar.is_workday(date(2027, 10, 9))       # a Saturday made a working day
    assert calendar.guessed_years == set() and calendar.warnings() == []
