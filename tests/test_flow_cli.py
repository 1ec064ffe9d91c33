"""The review flow on the command line, end to end on a fresh SQLite register per test.

The worked example is example 03 (衡阳市文化市场综合行政执法支队, 罚款 3 万元, four defects →
建议修改后再送审): opinion, an objection, negotiation settling one dispute, escalation with both
sides, the head adopting the reviewer's opinion, and the Art. 58 gate refusing the decision.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from review.cli import main
from review.register import Register

from conftest import EXAMPLES, ROOT, clean

EXAMPLE_03 = str(EXAMPLES / "03_revise_penalty_organisation.yaml")
CASE_03 = "衡文执罚〔2025〕23号"
FINDINGS_03 = ["C02-CERT-EXPIRED", "C04-EVIDENCE-UNSIGNED", "C09-DOCUMENT-UNSIGNED", "C12-NO-PLAN"]
# 《中华人民共和国行政处罚法》第四十二条第一款, C02-CERT-EXPIRED's citation.
ART_42 = "行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。"


@pytest.fixture
def run(tmp_path, capsys):
    """`review …` in process on this test's register; returns (exit code, stdout, stderr)."""
    db = f"sqlite:///{tmp_path / 'review-register.sqlite'}"

    def _run(*argv: str, db_url: str | None = db):
        try:
            code = main(list(argv) + (["--db", db_url] if db_url else []))
        except SystemExit as exit:  # argparse's usage errors (cli._Parser: Chinese, exit 2)
            code = exit.code
        out, err = capsys.readouterr()
        return code, out, err

    _run.db = db
    return _run


def entries(db: str) -> int:
    register = Register(db)
    try:
        return register.verify().count
    finally:
        register.dispose()


def test_worked_example_from_submission_to_the_heads_decision(run, tmp_path):
    code, out, _ = run("submit", EXAMPLE_03, "--on", "2025-04-02", "--actor", "刘洋")
    assert code == 0
    assert "已受理（第 1 轮）" in out and "状态：审核中（第 1 轮）" in out
    # hengyang_culture inherits national review_days 5; 4-2 not counted; 4-4 清明 holiday:
    # 4-3, 4-7, 4-8, 4-9, 4-10 → 2025年4月10日.
    assert "2025年4月10日 届满" in out
    assert f"review opinion {CASE_03}" in out  # what to do next, as a command

    opinion = tmp_path / "意见书.docx"
    code, out, _ = run("opinion", CASE_03, "--on", "2025-04-03", "--actor", "法制科 王五", "--out", str(opinion))
    assert code == 0 and opinion.stat().st_size > 0
    assert "已出具第 1 轮法制审核意见：建议修改后再送审（发现 4 项问题）" in out
    for rule_id in FINDINGS_03:
        assert rule_id in out

    code, out, _ = run(
        "object", CASE_03, "--on", "2025-04-07", "--actor", "承办科 刘洋",
        "--dispute", "C02-CERT-EXPIRED", "钱坤仅参与2025年2月的调查取证，其时证件在有效期内", "行政处罚法第四十二条第一款",
        "--dispute", "C12-NO-PLAN", "决定作出后再制定公示安排", "国办发〔2018〕118号")
    assert code == 0 and "状态：协商中" in out

    code, out, _ = run("negotiate", CASE_03, "--on", "2025-04-08",
                       "--concede", "C12-NO-PLAN", "unit", "补充公示安排后随重新送审提交")
    assert code == 0
    assert "尚未达成一致：C02-CERT-EXPIRED" in out

    note_file = tmp_path / "意见分歧说明.md"
    code, out, _ = run("escalate", CASE_03, "--on", "2025-04-09", "--out", str(note_file))
    assert code == 0
    # Both sides of the one open dispute, the reviewer's with the article's text, and what was settled.
    assert "法制审核机构意见：执法人员钱坤的执法证件有效期至2025-03-31" in out
    assert ART_42 in out
    assert "承办机构意见：钱坤仅参与2025年2月的调查取证，其时证件在有效期内" in out
    assert "经协商已达成一致的事项：\n  C12-NO-PLAN" in out
    assert "collective_discussion：提请负责人集体讨论决定" in out
    document = note_file.read_text(encoding="utf-8")
    assert "钱坤仅参与2025年2月的调查取证" in document and "未制定公示安排" in document

    code, out, _ = run("head-decide", CASE_03, "--on", "2025-04-10", "--choice", "adopt_reviewer",
                       "--by", "支队长 张明", "--reason", "拟作出决定时钱坤证件已过期")
    assert code == 0
    assert "负责人支队长 张明已决定：采纳法制审核意见。理由：拟作出决定时钱坤证件已过期" in out
    assert "状态：负责人已决定" in out and f"review resubmit {CASE_03}" in out

    before = entries(run.db)
    code, out, err = run("decide", CASE_03, "--on", "2025-04-11")
    # 行政处罚法第五十八条：未经法制审核或者审核未通过的，不得作出决定.
    assert code == 2 and out == ""
    assert err.startswith("错误：") and "第五十八条" in err and "review resubmit" in err
    assert entries(run.db) == before

    code, out, _ = run("status", CASE_03, "--today", "2025-04-11", "--format", "json")
    status = json.loads(out)
    assert status["state"] == "head_decided"
    assert [a["step"] for a in status["allowed"]] == ["resubmit"]
    (round1,) = status["rounds"]
    assert round1["findings"] == FINDINGS_03
    assert round1["head_decision"]["choice"] == "adopt_reviewer"

    code, out, _ = run("register", "verify")
    assert code == 0 and f"共 {before} 条记录" in out


def test_refused_step_exits_2_with_one_chinese_message_naming_the_next_commands(run):
    assert run("submit", EXAMPLE_03, "--on", "2025-04-02")[0] == 0
    code, out, err = run("decide", CASE_03, "--on", "2025-04-03")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "尚未出具法制审核意见" in err and "review opinion" in err and "（issue_opinion）" not in err

    code, _, err = run("--json-errors", "decide", CASE_03, "--on", "2025-04-03")
    body = json.loads(err)
    assert code == 2
    assert body["error"] == "transition_refused" and body["state"] == "under_review"
    assert body["allowed"] == ["issue_opinion", "extend"]


def test_a_refusal_in_a_separate_process_prints_no_traceback(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "review", "submit", EXAMPLE_03, "--db", db, "--on", "2025-04-02"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "review", "object", CASE_03, "--db", db, "--on", "2025-04-03",
                           "--dispute", "C02-CERT-EXPIRED", "理由", "依据"], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("错误：案件 衡文执罚〔2025〕23号 当前状态为“审核中”")


def test_bad_input_is_exit_2_and_writes_nothing(run, tmp_path):
    # An --notice extension no renderer knows is refused before the submission is recorded.
    code, _, err = run("submit", EXAMPLE_03, "--on", "2025-04-02", "--notice", str(tmp_path / "通知.txt"))
    assert code == 2 and "扩展名" in err
    assert not (tmp_path / "review-register.sqlite").exists()

    code, _, err = run("status", "没有这个案件")
    assert code == 2 and "登记簿文件不存在" in err  # reading never creates an empty register

    assert run("submit", EXAMPLE_03, "--on", "2025-04-02")[0] == 0
    code, _, err = run("status", "衡文执罚〔2025〕32号")
    assert code == 2 and "登记簿中没有案件" in err and CASE_03 in err  # the close match

    code, _, err = run("opinion", CASE_03, "--on", "2025-04-03", "--outcome", "approve")
    assert code == 2 and "须写明理由" in err
    code, _, err = run("opinion", CASE_03, "--on", "2025-4-3")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run("extend", CASE_03, "--on", "2025-04-03")
    assert code == 2 and "批准人" in err and "理由" in err
    code, _, err = run("opinion", CASE_03, "--on", "2025-04-01")
    assert code == 2 and "早于" in err
    assert entries(run.db) == 2  # submitted, review_started


def test_json_output_of_a_step(run):
    code, out, _ = run("submit", EXAMPLE_03, "--on", "2025-04-02", "--format", "json")
    assert code == 0
    body = json.loads(out)
    assert set(body) == {"step", "on", "message", "case", "notice"}
    assert (body["step"], body["on"], body["notice"]) == ("submit", "2025-04-02", None)
    case = body["case"]
    assert case["case_id"] == CASE_03 and case["state"] == "under_review" and case["state_label"] == "审核中"
    assert case["profile"] == "hengyang_culture"
    assert [a["step"] for a in case["allowed"]] == ["issue_opinion", "extend"]
    (round1,) = case["rounds"]
    assert (round1["number"], round1["submitted_on"], round1["started_on"], round1["review_due"]) == \
        (1, "2025-04-02", "2025-04-02", "2025-04-10")

    code, out, _ = run("opinion", CASE_03, "--on", "2025-04-03", "--format", "json")
    body = json.loads(out)
    assert body["step"] == "opinion" and body["opinion"]["outcome"] == "revise"
    assert [f["rule_id"] for f in body["opinion"]["findings"]] == FINDINGS_03
    assert body["case"]["rounds"][0]["outcome_label"] == "建议修改后再送审"


def _packet_file(tmp_path: Path, case_id: str) -> str:
    """The clean packet with a timeline around National Day 2025, under another case number."""
    packet = clean()
    packet["case_id"] = case_id
    for rec in packet["recordings"]:
        rec["case_number"] = case_id
    packet["timeline"].update(filed="2025-08-18", investigation_end="2025-09-19", notice_of_intent="2025-09-22",
                              statement_heard="2025-09-25", submitted_for_review="2025-09-29",
                              decision_date="2025-10-24")
    path = tmp_path / f"{len(list(tmp_path.glob('*.yaml')))}.yaml"
    path.write_text(yaml.safe_dump(packet, allow_unicode=True, default_flow_style=False), encoding="utf-8")
    return str(path)


def test_due_lists_overdue_first(run, tmp_path):
    pytest.importorskip("review.deadlines")
    # B: submitted Mon 29 Sep 2025; 5 working days (行政处罚法第八十五条), the day itself not counted:
    # 9-30; 10-1…10-8 holiday; 10-9, 10-10, 10-11 (Saturday make-up workday), 10-13 → due 13 Oct.
    # On 15 Oct: 10-14, 10-15 → 2 working days overdue.
    # A: submitted Tue 14 Oct: 10-15, 10-16, 10-17, 10-20, 10-21 → due 21 Oct; 4 working days left on 15 Oct.
    # A sorts before B by case number, so only the overdue-first rule puts B on top.
    assert run("submit", _packet_file(tmp_path, "B-2025-002"), "--on", "2025-09-29")[0] == 0
    assert run("submit", _packet_file(tmp_path, "A-2025-001"), "--on", "2025-10-14")[0] == 0

    code, out, _ = run("due", "--today", "2025-10-15", "--format", "json")
    assert code == 0
    items = json.loads(out)["items"]
    review_limits = [(i["case_id"], i["status"], i["due"], i["workdays_overdue"], i["workdays_left"])
                     for i in items if i["key"] == "review"]
    assert review_limits == [("B-2025-002", "overdue", "2025-10-13", 2, 0),
                             ("A-2025-001", "pending", "2025-10-21", 0, 4)]
    assert items[0]["case_id"] == "B-2025-002" and items[0]["status"] == "overdue"
    assert set(items[0]) == {"case_id", "key", "label", "start", "due", "status", "workdays_left",
                             "workdays_overdue", "done_on", "text", "basis"}

    code, out, _ = run("due", "--today", "2025-10-15")
    lines = out.splitlines()
    assert lines[0].startswith("截至 2025年10月15日") and "已逾期 1 项" in lines[0]
    assert "【逾期】B-2025-002" in lines[1] and "2" in lines[1]
    assert out.index("B-2025-002") < out.index("A-2025-001")


def test_submit_writes_the_notice_when_materials_are_missing(run, tmp_path):
    pytest.importorskip("review.materials")
    packet = clean()
    packet["documents"] = [d for d in packet["documents"] if d["name"] != "调查终结报告"]
    path = tmp_path / "packet.yaml"
    path.write_text(yaml.safe_dump(packet, allow_unicode=True), encoding="utf-8")
    notice = tmp_path / "补正材料通知书.md"
    code, out, _ = run("submit", str(path), "--on", "2025-04-25", "--notice", str(notice))
    assert code == 0
    assert "送审材料不全，审核期限尚未起算" in out and "调查终结报告" in out and "状态：待补正" in out
    assert "调查终结报告" in notice.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the README section runs as written


def flow_section() -> str:
    """README's section on the review flow, up to the next top-level heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## The review flow")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def doc_commands() -> list[tuple[str, int]]:
    """`review …` lines of the README flow section's shell blocks, with the exit code a trailing `# 退出码 N` names (else 0)."""
    text = flow_section()
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.strip()
            if not line.startswith("review "):
                continue
            command, _, comment = line.partition("#")
            expected = re.search(r"退出码 ?(\d)", comment)
            out.append((command.strip(), int(expected.group(1)) if expected else 0))
    return out


def test_the_documented_example_runs(tmp_path, monkeypatch, capsys):
    commands = doc_commands()
    assert len(commands) >= 8, commands
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(EXAMPLES)
    monkeypatch.delenv("REVIEW_REGISTER", raising=False)
    printed = []
    for command, expected in commands:
        code = main(shlex.split(command)[1:])
        out, err = capsys.readouterr()
        assert code == expected, f"{command}\n退出码 {code}：{err}"
        printed += (out + err).splitlines()
    assert (tmp_path / "review-register.sqlite").exists()
    # The output the page shows is what the commands print (lines shortened with … aside).
    text = flow_section()
    shown = [line for block in re.findall(r"```text\n(.*?)```", text, flags=re.S)
             for line in block.splitlines() if line.strip() and "…" not in line]
    assert len(shown) > 20
    missing = [line for line in shown if line not in printed]
    assert missing == [], "README 审核流程一节中的输出与命令实际输出不符：\n" + "\n".join(missing)


def test_publish_after_the_decision_closes_the_publication_limit(run):
    packet, case = str(ROOT / "tests" / "data" / "clean_penalty.yaml"), "长市监罚〔2025〕101号"
    assert run("submit", packet, "--on", "2025-04-25")[0] == 0
    assert run("opinion", case, "--on", "2025-04-28")[0] == 0
    code, _, err = run("publish", case, "--on", "2025-04-29", "--channel", "门户网站")
    assert code == 2 and "执法决定尚未作出" in err and "Traceback" not in err
    assert run("decide", case, "--on", "2025-05-09")[0] == 0
    # A penalty is published within 7 working days of Friday 9 May 2025: 12-16 and 19, 20 May.
    code, out, _ = run("due", "--today", "2025-05-22")
    assert f"【逾期】{case}  公示期限：2025年5月20日届满，已逾期 2 个工作日" in out
    code, out, _ = run("publish", case, "--on", "2025-05-20", "--channel", "长治市市场监督管理局门户网站")
    assert code == 0 and "已于 2025年5月20日 在长治市市场监督管理局门户网站公示。" in out
    assert "公示期限：2025年5月20日届满，已于2025年5月20日完成" in out
    assert "没有正在计算的期限" in run("due", "--today", "2025-05-22")[1]
