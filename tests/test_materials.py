"""Submission materials (送审材料): what intake requires, per profile and category, and bad lists.

The required documents follow the statute that creates each one: 立案 (行政处罚法第五十四条),
事先告知 (第四十四条), 陈述申辩 (第四十五条), 听证 (第六十四条、第六十五条), 行政许可申请、受理、
审查、决定 (行政许可法第二十九、三十二、三十四、三十八条), 查封扣押审批、决定书和清单 (行政强制法
第十八、二十四条). Review starts only once the investigation is over and a proposed decision exists
(seed 003).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT, clean
from review.errors import RuleFileError, UnknownProfileError
from review.intake import parse_packet
from review.lint import lint
from review.materials import (
    Material,
    MissingMaterial,
    load_materials,
    missing_materials,
    readiness_problems,
    required_materials,
)


def packet(data: dict | None = None):
    return parse_packet(data if data is not None else clean(), source="test")


def docs(p: dict) -> list[str]:
    return [d["name"] for d in p["documents"]]


def drop(p: dict, *names: str) -> dict:
    p["documents"] = [d for d in p["documents"] if d["name"] not in names]
    return p


def missing_names(p: dict, profile: str | None = None) -> list[str]:
    return [m.name for m in missing_materials(packet(p), profile=profile)]


# ---------------------------------------------------------------- the shipped packets are complete


@pytest.mark.parametrize("path", ["clean"] + sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_shipped_packets_have_every_material_their_profile_requires(path):
    data = clean() if path == "clean" else yaml.safe_load((EXAMPLES / path).read_text(encoding="utf-8"))
    assert missing_materials(packet(data)) == []


def test_ordinary_penalty_requires_the_documents_of_each_procedural_step():
    # clean_penalty: ordinary procedure, notice of intent served 2025-04-14, statement heard
    # 2025-04-17, no hearing.
    ids = [m.id for m in required_materials(packet())]
    assert ids == ["filing_approval", "investigation_report", "draft_penalty_decision",
                   "notice_of_intent", "service_proof", "statement_record"]


# ---------------------------------------------------------------- what counts as missing


def test_every_missing_material_is_listed_at_once_with_requirement_and_basis():
    p = drop(clean(), "调查终结报告", "行政处罚决定书（草案）", "送达回证")
    missing = missing_materials(packet(p))
    assert [m.name for m in missing] == ["调查终结报告", "行政处罚决定书（草案）", "送达回证"]
    assert all(isinstance(m, MissingMaterial) and m.requirement and m.basis for m in missing)
    assert "第四十四条" in missing[2].basis  # the notice must reach the party (Art. 44)


def test_a_document_that_must_be_signed_counts_only_when_signed():
    p = clean()
    next(d for d in p["documents"] if d["name"] == "调查终结报告")["signed"] = False
    [m] = missing_materials(packet(p))
    assert m.name == "调查终结报告" and "未签名" in m.requirement
    # The draft decision is unsigned by nature: it is not signed until the head decides.
    p = clean()
    next(d for d in p["documents"] if d["name"] == "行政处罚决定书（草案）")["signed"] = False
    assert missing_names(p) == []


def test_other_names_and_half_width_brackets_satisfy_a_material():
    p = clean()
    for d in p["documents"]:
        d["name"] = {"调查终结报告": "案件调查终结报告", "行政处罚决定书（草案）": "行政处罚决定书 (草案)"}.get(d["name"], d["name"])
    assert missing_names(p) == []
    p["documents"].append({"name": "调查终结报告（草稿）"})  # a different document: not a synonym
    p = drop(p, "案件调查终结报告")
    assert missing_names(p) == ["调查终结报告"]


def test_hearing_materials_only_when_a_hearing_was_held():
    # No hearing in the clean packet: nothing about hearings is required.
    assert not {"听证笔录", "听证报告"} & {m.name for m in required_materials(packet())}
    p = clean()
    p["timeline"] |= {"hearing_requested": "2025-04-16", "hearing_notice": "2025-04-17",
                      "hearing_held": "2025-04-28", "submitted_for_review": "2025-04-30",
                      "decision_date": "2025-05-09"}
    assert missing_names(p) == ["听证申请书", "听证通知书", "听证笔录", "听证报告"]
    p["documents"] += [{"name": "听证申请书"}, {"name": "听证通知书"}, {"name": "听证报告"},
                       {"name": "听证笔录", "signed": False}]
    # Art. 64(八): the record must be checked and signed by the party.
    [m] = missing_materials(packet(p))
    assert m.name == "听证笔录" and "未签名" in m.requirement and "第六十四条" in m.basis


def test_statement_record_only_when_a_statement_was_heard():
    p = drop(clean(), "陈述申辩笔录")
    assert missing_names(p) == ["陈述申辩笔录"]
    del p["timeline"]["statement_heard"]
    p["timeline"]["statement_waived"] = True
    assert missing_names(p) == []


def test_licence_packet_is_checked_against_licence_materials_not_penalty_ones():
    data = yaml.safe_load((EXAMPLES / "07_licence_refusal_ema.yaml").read_text(encoding="utf-8"))
    ids = [m.id for m in required_materials(packet(data))]
    assert ids == ["licence_application", "licence_acceptance", "licence_examination", "draft_licence_decision"]
    assert missing_names(drop(data, "受理通知书")) == ["受理通知书"]


def test_seizure_decision_and_list_only_for_a_seizure():
    data = yaml.safe_load((EXAMPLES / "08_coercion_seizure_ema.yaml").read_text(encoding="utf-8"))
    assert missing_names(drop(data, "查封清单", "查封决定书（草案）")) == ["查封（扣押）决定书（草案）", "查封（扣押）清单"]
    data["decision"]["measures"] = [{"type": "freeze", "amount": 50000}]
    ids = {m.id for m in required_materials(packet(data))}
    assert ids == {"coercion_approval"}  # 冻结 has its own documents; only the approval (行政强制法第十八条)


# ---------------------------------------------------------------- profiles inherit


AGENCY_SECTION = """
  changzhi_amr:
    omit: [service_proof]
    materials:
      - id: legal_opinion_form
        name: 重大执法决定法制审核送审表
        requirement: 承办机构负责人签署送审意见
        basis: 本机关法制审核流程图
        signed: true
      - id: investigation_report
        name: 案件调查终结报告
        names: [调查终结报告]
        requirement: 经承办机构负责人审核签字
        basis: 本机关法制审核流程图
        signed: true
        categories: [penalty]
"""


@pytest.fixture
def agency_checklists(tmp_path) -> Path:
    root = tmp_path / "checklists"
    shutil.copytree(ROOT / "checklists", root)
    path = root / "materials.yaml"
    path.write_text(path.read_text(encoding="utf-8") + AGENCY_SECTION, encoding="utf-8")
    return root


def test_an_agency_adds_replaces_and_omits_inherited_materials(agency_checklists):
    mine = {m.id: m for m in required_materials(packet(), profile="changzhi_amr", checklists=agency_checklists)}
    assert "legal_opinion_form" in mine and "service_proof" not in mine
    assert mine["investigation_report"].requirement == "经承办机构负责人审核签字"
    assert mine["investigation_report"].names == ("案件调查终结报告", "调查终结报告")
    missing = missing_materials(packet(), profile="changzhi_amr", checklists=agency_checklists)
    assert [m.name for m in missing] == ["重大执法决定法制审核送审表"]
    # Other agencies still inherit national only.
    assert missing_materials(packet(), profile="gongyi", checklists=agency_checklists) == []
    # The packet's own agency.profile is used when no profile is given (clean_penalty has none: national).
    p = clean()
    p["agency"]["profile"] = "changzhi_amr"
    assert [m.name for m in missing_materials(packet(p), checklists=agency_checklists)] == ["重大执法决定法制审核送审表"]


def test_unknown_profile_is_named():
    with pytest.raises(UnknownProfileError, match="changzhi_amx"):
        required_materials(packet(), profile="changzhi_amx")


# ---------------------------------------------------------------- readiness (seed 003)


def test_readiness_needs_finished_investigation_and_a_proposed_decision():
    assert readiness_problems(packet()) == []
    p = clean()
    del p["timeline"]["investigation_end"]
    [problem] = readiness_problems(packet(p))
    assert "调查尚未终结" in problem
    p["decision"]["measures"] = []
    problems = readiness_problems(packet(p))
    assert len(problems) == 2 and "拟作出的处理决定" in problems[1]


# ---------------------------------------------------------------- bad lists


def write(tmp_path, text: str) -> Path:
    root = tmp_path / "checklists"
    shutil.copytree(ROOT / "checklists", root)
    (root / "materials.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


GOOD_HEAD = """
profiles:
  national:
    materials:
      - id: investigation_report
        name: 调查终结报告
        requirement: 经承办人签名
        basis: 种子文件 003
"""


def test_broken_yaml_names_file_and_line(tmp_path):
    # GOOD_HEAD is lines 1-7; the unclosed bracket opens on line 8 and the file ends on line 9.
    root = write(tmp_path, GOOD_HEAD + "      - id: [unclosed\n")
    with pytest.raises(RuleFileError) as err:
        load_materials(root)
    text = str(err.value)
    assert "materials.yaml:9：YAML 格式错误" in text and "自第 8 行开始" in text


def test_unknown_when_key_and_value_are_named_with_line(tmp_path):
    root = write(tmp_path, GOOD_HEAD + """\
      - id: hearing_record
        name: 听证笔录
        requirement: 经当事人签名
        basis: 行政处罚法第六十四条
        when: {hearing: true}
      - id: hearing_report
        name: 听证报告
        requirement: 主持人的报告
        basis: 行政处罚法第六十五条
        when: {timeline: hearing_hold}
""")
    with pytest.raises(RuleFileError) as err:
        load_materials(root)
    text = str(err.value)
    # The second material starts on line 8, its when: is line 12; the third's when: is line 17.
    assert "materials.yaml:12：profiles.national.materials[1].when.hearing：未知的条件键" in text
    assert "materials.yaml:17：profiles.national.materials[2].when.timeline：“hearing_hold”不是可用的取值" in text
    assert "hearing_held" in text  # the right spelling is offered


def test_when_is_never_evaluated_as_an_expression(tmp_path):
    root = write(tmp_path, GOOD_HEAD + """\
        when: "__import__('os').system('echo hacked')"
""")
    with pytest.raises(RuleFileError, match="when：应为对象"):
        load_materials(root)


def test_missing_fields_unknown_keys_and_category_are_all_reported(tmp_path):
    root = write(tmp_path, """
        profiles:
          national:
            materials:
              - id: report
                name: 调查终结报告
                requirment: 经承办人签名
                basis: 种子文件 003
                categories: [punishment]
    """)
    with pytest.raises(RuleFileError) as err:
        load_materials(root)
    text = str(err.value)
    assert "发现 3 处问题" in text
    assert "requirment：未知的键" in text and "requirement：缺少必填项" in text and "“punishment”不是已知的执法类别" in text


def test_lint_reports_materials_problems_with_file_and_line(tmp_path):
    root = write(tmp_path, GOOD_HEAD + """\
  changzhi_amx:
    materials: []
  gongyi:
    omit: [service_proof]
""")
    # Lines: GOOD_HEAD 1-7, changzhi_amx: 8, gongyi: 10.
    problems = [str(p) for p in lint(ROOT / "rules", root).problems]
    assert any("materials.yaml:8" in p and "changzhi_amx：未知的目录清单档案" in p for p in problems), problems
    assert any("materials.yaml:10" in p and "上级档案没有材料“service_proof”" in p for p in problems), problems
    root = write(tmp_path / "b", GOOD_HEAD + "        when: {flag: complex_case}\n")
    problems = [str(p) for p in lint(ROOT / "rules", root).problems]
    assert any("materials.yaml:8" in p and "when.flag：未知的条件键" in p for p in problems), problems


def test_the_shipped_list_is_valid_and_every_material_names_its_basis():
    book = load_materials()
    assert set(book.sections) == {"national"}
    for material in book.sections["national"]:
        assert isinstance(material, Material) and material.basis and material.requirement
        assert material.name in material.names


def test_missing_material_moved_but_documents_still_exports_it():
    from review import documents

    assert documents.MissingMaterial is MissingMaterial
    assert MissingMaterial.coerce({"name": "听证笔录", "reason": "须经当事人签名"}).requirement == "须经当事人签名"
