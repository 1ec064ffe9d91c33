"""Redaction of natural persons' data before a decision is published.

Art. 48 of the Administrative Penalty Law requires publication; the
publication rules (seed 003: "涉及……个人隐私等不宜公开的，应当作适当处理后公开")
require personal data to be removed first. Every test here states a value
that must not survive, so a regression is a visible leak.
"""

from __future__ import annotations

import pytest

from review.redaction import ID_MASK, PHONE_MASK, Redactor, pseudonym, redactor_for
from review.intake import parse_packet

from conftest import clean

EMPTY = Redactor()


@pytest.mark.parametrize(
    "number",
    [
        "140402198503152317",  # 18 digits
        "11010519491231002X",  # 18 digits ending in X
        "11010519491231002x",  # lower-case x as typed
        "110105491231002",  # old 15-digit ID
    ],
)
def test_id_numbers_are_removed_even_when_the_packet_does_not_know_them(number):
    out = EMPTY(f"证人身份证号码{number}，已核实")
    assert number not in out
    assert ID_MASK in out


@pytest.mark.parametrize(
    "phone",
    ["13912345678", "139 1234 5678", "139-1234-5678", "+86 13912345678", "0355-2123456", "010-65123456", "（0734）8123456"],
)
def test_phone_numbers_are_removed(phone):
    out = EMPTY(f"联系电话{phone}。")
    assert phone not in out
    assert PHONE_MASK in out


def test_numbers_that_are_not_personal_data_stay():
    # An amount, a date and a certificate number are not ID or phone numbers.
    text = "罚款50000元，2025年5月9日，执法证号14040010021"
    assert EMPTY(text) == text


def test_an_organisations_credit_code_is_kept_even_if_it_looks_like_an_id_number():
    # 18 digits with a valid-looking birth date inside: the shield keeps it.
    code = "911404199001011234"
    assert EMPTY(code) != code  # without the shield the pattern would take it
    assert Redactor(keep=[code])(f"统一社会信用代码{code}") == f"统一社会信用代码{code}"


@pytest.mark.parametrize(
    "text, kept, gone",
    [
        ("住北京市朝阳区建国路88号3号楼2单元501室", "北京市朝阳区", "建国路88号"),
        ("家住城关镇东风村3组15号", "城关镇", "东风村3组15号"),
        ("在长治市潞州区英雄南路12号便利店", "长治市潞州区", "英雄南路12号"),
    ],
)
def test_street_level_addresses_are_removed_and_divisions_stay(text, kept, gone):
    out = EMPTY(text)
    assert gone not in out
    assert kept in out


def test_names_become_surname_and_mou():
    assert pseudonym("李明") == "李某"
    assert pseudonym("欧阳明华") == "欧阳某"
    assert pseudonym("王某") == "王某"
    assert Redactor(names=["李明"])("当事人李明销售，李明承认") == "当事人李某销售，李某承认"


def test_a_name_after_a_role_word_is_redacted_though_the_packet_never_listed_it():
    assert EMPTY("举报人王小红（女）提供了小票") == "举报人王某（女）提供了小票"
    assert EMPTY("网吧负责人陈刚，") == "网吧负责人陈某，"
    # Ordinary words after a role word are not names.
    for text in ("当事人在其经营的便利店", "听取当事人陈述、申辩", "当事人申辩，", "当事人承认。"):
        assert EMPTY(text) == text


def test_redactor_for_a_packet_knows_the_partys_own_data():
    packet = parse_packet(clean())
    r = redactor_for(packet)
    text = "李明，140402198503152317，13912345678，长治市潞州区英雄南路12号"
    out = r(text)
    for secret in ("李明", "140402198503152317", "13912345678", "英雄南路12号"):
        assert secret not in out
    assert r.leaks(out) == []
    assert r.leaks(text)  # and the check itself sees the leak


def test_organisations_keep_name_and_address_but_not_the_legal_representatives_name():
    data = clean()
    data["parties"] = [
        {"kind": "organisation", "name": "长治市宏达商贸有限公司", "credit_code": "91140400MA0K1234X5",
         "address": "长治市潞州区太行西街8号", "legal_representative": "罗斌"}
    ]
    r = redactor_for(parse_packet(data))
    out = r("长治市宏达商贸有限公司（住所：长治市潞州区太行西街8号，法定代表人罗斌）")
    assert "长治市宏达商贸有限公司" in out
    assert "长治市潞州区太行西街8号" in out
    assert "罗斌" not in out and "罗某" in out
