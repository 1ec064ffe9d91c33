"""Time limits, worked out by hand from the statutes and the 2025 holiday calendar.

Counting: the start day is not counted (民法典第二百零一条第一款). 行政处罚法第八十五条: its 二日、
三日、五日、七日 are working days, without statutory holidays; 行政许可法第八十二条 likewise. Art. 60's
九十日 are natural days.

2025 National Day and Mid-Autumn (国务院办公厅关于2025年部分节假日安排的通知, checked with chinesecalendar
in the first test): 1–8 Oct off; Sun 28 Sep and Sat 11 Oct are working days. So around it the working
days run: Fri 26 Sep, Sun 28 Sep, Mon 29, Tue 30 Sep, Thu 9 Oct, Fri 10, Sat 11, Mon 13, Tue 14, Wed 15,
Thu 16, Fri 17 Oct, ...
"""

from __future__ import annotations

from datetime import date as D, timedelta

import chinese_calendar
import pytest
import yaml

from conftest import EXAMPLES, clean
from review.catalogue import load_catalogue
from review.deadlines import (
    Deadline,
    DueState,
    assess,
    packet_deadlines,
    review_deadline,
    revision_deadline,
    subtract,
)
from review.intake import parse_packet
from review.workdays import Calendar

NATIONAL = load_catalogue().params("national")


@pytest.fixture
def cal() -> Calendar:
    return Calendar()


def by_key(deadlines: list[Deadline]) -> dict[str, Deadline]:
    return {d.key: d for d in deadlines}


def packet(data: dict):
    return parse_packet(data, source="test")


# ---------------------------------------------------------------- the calendar facts used below


def test_national_day_2025_as_chinesecalendar_has_it(cal):
    for day in range(1, 9):
        assert chinese_calendar.is_holiday(D(2025, 10, day)) and not cal.is_workday(D(2025, 10, day))
    assert D(2025, 9, 28).weekday() == 6 and chinese_calendar.is_workday(D(2025, 9, 28)) and cal.is_workday(D(2025, 9, 28))
    assert D(2025, 10, 11).weekday() == 5 and chinese_calendar.is_workday(D(2025, 10, 11)) and cal.is_workday(D(2025, 10, 11))
    assert not cal.is_workday(D(2025, 10, 12))  # an ordinary Sunday
    assert cal.warnings() == []


# ---------------------------------------------------------------- review, extension, revision


def test_review_of_five_workdays_starting_just_before_national_day(cal):
    # Started Tue 30 Sep (not counted): 9 Oct (1), 10 Oct (2), Sat 11 Oct make-up (3), 13 Oct (4), 14 Oct (5).
    d = review_deadline(D(2025, 9, 30), NATIONAL, cal)
    assert (d.key, d.label, d.start, d.due, d.amount, d.unit) == ("review", "法制审核期限", D(2025, 9, 30), D(2025, 10, 14), 5, "workdays")
    assert "第八十五条" in d.basis and "工作日" in d.basis
    # Started Fri 26 Sep: Sun 28 Sep make-up (1), 29 (2), 30 (3), 9 Oct (4), 10 Oct (5).
    assert review_deadline(D(2025, 9, 26), NATIONAL, cal).due == D(2025, 10, 10)


def test_extension_adds_review_extension_days(cal):
    # 5 + 3 (national review_extension_days) = 8 working days from 30 Sep: ... 14 Oct (5), 15 (6), 16 (7), 17 (8).
    extra = NATIONAL["review_extension_days"]
    assert extra == 3
    d = review_deadline(D(2025, 9, 30), NATIONAL, cal, extended_by=extra)
    assert (d.key, d.label, d.due, d.amount) == ("review_extended", "法制审核期限", D(2025, 10, 17), 8)
    assert "延长 3 个工作日" in d.basis


def test_review_days_come_from_the_profile(cal):
    # 衡阳县 (seed 001) allows 7 working days: from 30 Sep: 9, 10, 11, 13, 14, 15, 16 Oct.
    params = load_catalogue().params("hengyang_county_market")
    assert review_deadline(D(2025, 9, 30), params, cal).due == D(2025, 10, 16)


def test_revision_limit_runs_from_the_opinion(cal):
    # revision_workdays 5 from Tue 30 Sep: 9, 10, 11, 13, 14 Oct.
    d = revision_deadline(D(2025, 9, 30), NATIONAL, cal)
    assert (d.key, d.label, d.due, d.unit) == ("revision", "补正后再送审期限", D(2025, 10, 14), "workdays")


# ---------------------------------------------------------------- the packet's own time limits


def test_hearing_notice_deadline_is_counted_backwards_across_the_holiday(cal):
    # Art. 64(二): notify 七日前 = 7 working days before the hearing (Tue 14 Oct, not counted):
    # 13 Oct (1), Sat 11 Oct (2), 10 Oct (3), 9 Oct (4), [1-8 Oct off], 30 Sep (5), 29 Sep (6), Sun 28 Sep (7).
    assert subtract(cal, D(2025, 10, 14), 7) == D(2025, 9, 28)
    p = clean()
    p["timeline"] |= {"filed": "2025-08-18", "investigation_end": "2025-09-19", "notice_of_intent": "2025-09-22",
                      "statement_heard": "2025-09-25", "hearing_requested": "2025-09-24",
                      "hearing_notice": "2025-09-29", "hearing_held": "2025-10-14",
                      "submitted_for_review": "2025-10-15", "decision_date": "2025-10-20"}
    d = by_key(packet_deadlines(packet(p), NATIONAL, cal))["hearing_notice"]
    assert (d.label, d.start, d.due, d.amount, d.unit) == ("听证通知期限", D(2025, 10, 14), D(2025, 9, 28), 7, "workdays")
    assert "七日前" in d.basis and "第六十四条" in d.basis
    # Served Mon 29 Sep: one working day too late (29 Sep is the only working day after 28 Sep up to it).
    late = assess(d, D(2025, 10, 20), cal, done_on=D(2025, 9, 29))
    assert (late.status, late.workdays_overdue) == ("missed", 1)
    assert assess(d, D(2025, 10, 20), cal, done_on=D(2025, 9, 26)).status == "met"
    assert late.describe() == "听证通知期限：最迟应于2025年9月28日通知，2025年9月29日才完成，逾期 1 个工作日"


def test_example_06_hearing_was_notified_in_time(cal):
    # Hearing Thu 10 Jul 2025; 7 working days back: 9, 8, 7, 4, 3, 2, 1 Jul → notify by Tue 1 Jul;
    # the notice went out Mon 30 Jun. Hearing asked for by the notice of intent (Mon 23 Jun) + 5 working
    # days: 24, 25, 26, 27, 30 Jun; the request came on 26 Jun.
    data = yaml.safe_load((EXAMPLES / "06_hearing_suspend_organisation.yaml").read_text(encoding="utf-8"))
    found = by_key(packet_deadlines(packet(data), NATIONAL, cal))
    assert found["hearing_notice"].due == D(2025, 7, 1)
    assert assess(found["hearing_notice"], D(2025, 7, 15), cal, done_on=D(2025, 6, 30)).status == "met"
    assert found["hearing_request"].due == D(2025, 6, 30)
    assert assess(found["hearing_request"], D(2025, 7, 15), cal, done_on=D(2025, 6, 26)).status == "met"


def test_hearing_request_limit_crosses_the_holiday(cal):
    # Notice of intent Fri 26 Sep; 5 working days (Art. 64(一), Art. 85): 28 Sep, 29, 30, 9 Oct, 10 Oct.
    p = clean()
    p["timeline"] |= {"filed": "2025-08-18", "investigation_end": "2025-09-19", "notice_of_intent": "2025-09-26",
                      "statement_heard": "2025-09-29", "submitted_for_review": "2025-10-13", "decision_date": "2025-10-20"}
    d = by_key(packet_deadlines(packet(p), NATIONAL, cal))["hearing_request"]
    assert (d.label, d.due, d.amount) == ("听证申请期限", D(2025, 10, 10), 5)
    assert "五日内" in d.basis


def test_decision_limit_is_ninety_natural_days(cal):
    # Art. 60, natural days from filing (Mon 18 Aug 2025, not counted): 13 days to 31 Aug, 30 in Sep (43),
    # 31 in Oct (74), 16 in Nov → Sun 16 Nov 2025. The holiday does not lengthen it.
    p = clean()
    p["timeline"] |= {"filed": "2025-08-18", "investigation_end": "2025-09-19", "notice_of_intent": "2025-09-22",
                      "statement_heard": "2025-09-25", "submitted_for_review": "2025-09-29", "decision_date": "2025-10-20"}
    d = by_key(packet_deadlines(packet(p), NATIONAL, cal))["decision_limit"]
    assert (d.label, d.start, d.due, d.amount, d.unit) == ("作出决定期限", D(2025, 8, 18), D(2025, 11, 16), 90, "days")
    assert d.due - d.start == timedelta(days=90)
    assert "九十日内" in d.basis
    # Late is told in working days: on Tue 18 Nov, Mon 17 and Tue 18 have passed → 2.
    late = assess(d, D(2025, 11, 18), cal)
    assert (late.status, late.workdays_overdue, late.workdays_left) == ("overdue", 2, 0)


def test_publication_seven_workdays_for_penalties_twenty_for_others(cal):
    # 国办发〔2018〕118号. Decision Thu 25 Sep 2025, 7 working days: 26 Sep, Sun 28, 29, 30, 9 Oct, 10, Sat 11 Oct.
    p = clean()
    p["timeline"] |= {"filed": "2025-08-18", "investigation_end": "2025-09-10", "notice_of_intent": "2025-09-12",
                      "statement_heard": "2025-09-16", "submitted_for_review": "2025-09-18", "decision_date": "2025-09-25"}
    d = by_key(packet_deadlines(packet(p), NATIONAL, cal))["publication"]
    assert (d.label, d.due, d.amount) == ("公示期限", D(2025, 10, 11), 7)
    assert "7个工作日" in d.basis
    # A seizure (行政强制) is "other": 20 working days: the 7 above, then 13, 14, 15, 16, 17, 20, 21, 22, 23,
    # 24, 27, 28, 29 Oct.
    data = yaml.safe_load((EXAMPLES / "08_coercion_seizure_ema.yaml").read_text(encoding="utf-8"))
    data["timeline"]["decision_date"] = "2025-09-25"
    found = by_key(packet_deadlines(packet(data), NATIONAL, cal))
    assert (found["publication"].due, found["publication"].amount) == (D(2025, 10, 29), 20)
    assert "decision_limit" not in found  # Art. 60 governs penalties only


def test_clean_packet_limits(cal):
    # clean_penalty: notice of intent Mon 14 Apr 2025 (hearing rights told) + 5: 15, 16, 17, 18, 21 Apr;
    # filed 3 Mar + 90 days = 1 Jun; decision Fri 9 May + 7 working days: 12-16, 19, 20 May. No hearing held.
    found = by_key(packet_deadlines(packet(clean()), NATIONAL, cal))
    assert {k: d.due for k, d in found.items()} == {
        "hearing_request": D(2025, 4, 21), "decision_limit": D(2025, 6, 1), "publication": D(2025, 5, 20)}
    p = clean()
    p["timeline"]["hearing_rights_notified"] = False
    assert "hearing_request" not in by_key(packet_deadlines(packet(p), NATIONAL, cal))


# ---------------------------------------------------------------- assess: pending, due today, overdue, met, missed


def test_status_day_by_day_across_the_holiday(cal):
    # Review started Mon 29 Sep: 30 Sep (1), 9 Oct (2), 10 Oct (3), Sat 11 Oct (4), 13 Oct (5) → due 13 Oct.
    d = review_deadline(D(2025, 9, 29), NATIONAL, cal)
    assert d.due == D(2025, 10, 13)

    def at(today, done_on=None) -> DueState:
        return assess(d, today, cal, done_on=done_on)

    # Left = working days after today up to and including the due day.
    assert (at(D(2025, 9, 30)).status, at(D(2025, 9, 30)).workdays_left) == ("pending", 4)  # 9, 10, 11, 13 Oct
    assert at(D(2025, 10, 3)).workdays_left == 4  # a holiday: the same four remain
    assert at(D(2025, 10, 10)).workdays_left == 2  # 11 and 13 Oct
    assert at(D(2025, 10, 12)).workdays_left == 1  # Sunday: only 13 Oct
    today = at(D(2025, 10, 13))
    assert (today.status, today.workdays_left, today.workdays_overdue) == ("due_today", 0, 0)
    late = at(D(2025, 10, 15))
    assert (late.status, late.workdays_overdue) == ("overdue", 2)  # 14, 15 Oct
    assert late.describe() == "法制审核期限：2025年10月13日届满，已逾期 2 个工作日"
    assert at(D(2025, 10, 10)).describe() == "法制审核期限：2025年10月13日届满，尚余 2 个工作日"


def test_overdue_is_counted_in_workdays_not_calendar_days(cal):
    # Started Mon 22 Sep: 23, 24, 25, 26, Sun 28 Sep (make-up) → due Sun 28 Sep. On Thu 9 Oct eleven
    # calendar days have passed but only three working days.
    d = review_deadline(D(2025, 9, 22), NATIONAL, cal)
    assert d.due == D(2025, 9, 28)
    assert assess(d, D(2025, 10, 9), cal).workdays_overdue == 3  # 29, 30 Sep, 9 Oct
    shifted = review_deadline(D(2025, 9, 23), NATIONAL, cal)  # 24, 25, 26, 28, 29 → 29 Sep
    assert assess(shifted, D(2025, 10, 9), cal).workdays_overdue == 2  # 30 Sep, 9 Oct


def test_met_and_missed_when_done(cal):
    d = review_deadline(D(2025, 9, 26), NATIONAL, cal)  # due Fri 10 Oct (see above)
    on_time = assess(d, D(2025, 10, 20), cal, done_on=D(2025, 10, 10))
    assert (on_time.status, on_time.done_on, on_time.workdays_overdue) == ("met", D(2025, 10, 10), 0)
    assert on_time.describe() == "法制审核期限：2025年10月10日届满，已于2025年10月10日完成"
    # Done Sun 12 Oct: Sat 11 Oct was a working day, so it is one working day late.
    missed = assess(d, D(2025, 10, 20), cal, done_on=D(2025, 10, 12))
    assert (missed.status, missed.workdays_overdue) == ("missed", 1)
    # Once done, the day of looking does not matter.
    assert assess(d, D(2025, 12, 31), cal, done_on=D(2025, 10, 9)).status == "met"


# ---------------------------------------------------------------- 2027: no holiday data yet


def test_a_deadline_into_2027_falls_back_to_weekdays_and_warns(cal):
    # chinesecalendar 1.11 knows up to 2026. From Tue 29 Dec 2026: 30 Dec (1), 31 Dec (2), then 2027 guessed
    # Monday–Friday: Fri 1 Jan (3) — surely a holiday in fact, hence the warning —, Mon 4 (4), Tue 5 Jan (5).
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2027, 1, 4))
    d = review_deadline(D(2026, 12, 29), NATIONAL, cal)
    assert d.due == D(2027, 1, 5)
    [warning] = cal.warnings()
    assert "2027" in warning and "周一至周五" in warning


def test_a_2027_holiday_file_replaces_the_guess(tmp_path):
    (tmp_path / "2027.yaml").write_text(yaml.safe_dump({"holidays": ["2027-01-01"], "workdays": []}), encoding="utf-8")
    cal = Calendar(holiday_dir=tmp_path)
    # 30 Dec (1), 31 Dec (2), [1 Jan off], 4 Jan (3), 5 Jan (4), 6 Jan (5).
    assert review_deadline(D(2026, 12, 29), NATIONAL, cal).due == D(2027, 1, 6)
    assert cal.warnings() == []


def test_the_warning_follows_packet_limits_and_assessment_into_2027(cal):
    # Decision Mon 28 Dec 2026; publication 7 working days: 29, 30, 31 Dec, then guessed 1, 4, 5, 6 Jan 2027.
    p = clean()
    p["timeline"] |= {"filed": "2026-11-02", "investigation_end": "2026-12-01", "notice_of_intent": "2026-12-02",
                      "statement_heard": "2026-12-04", "submitted_for_review": "2026-12-14", "decision_date": "2026-12-28"}
    publication = by_key(packet_deadlines(packet(p), NATIONAL, cal))["publication"]
    assert publication.due == D(2027, 1, 6)
    assert any("2027" in w for w in cal.warnings())
    fresh = Calendar()
    assert assess(publication, D(2027, 1, 8), fresh).workdays_overdue == 2  # Thu 7, Fri 8 Jan (guessed)
    assert any("2027" in w for w in fresh.warnings())
