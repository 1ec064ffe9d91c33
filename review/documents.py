"""The documents legal staff sign, print and publish, rendered from reports/.

Each document is built once as a *view model* (a plain dict of display
strings), then handed to the HTML, Markdown or Word template. So the three
formats cannot drift apart in content: only layout lives in the templates,
fixed wording lives in reports/wording.yaml, and everything computed
(deadlines, labels, redaction) happens here, once.

Templates are data: `templates=` (CLI `--templates DIR`) points at an
agency's own copy of reports/. A file missing from that copy falls back to
the bundled one, so an office may replace only the letterhead of one
document. A broken template is a `ReviewInputError` naming the file and line.
"""

from __future__ import annotations

import io
import re
import traceback
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import jinja2
import yaml

from .catalogue import Catalogue, load_catalogue
from .errors import Problem, ReviewInputError
from .materials import MissingMaterial  # noqa: F401  (moved; re-exported for existing callers)
from .packet import CasePacket
from .redaction import Redactor, redactor_for
from .resources import bundled, folder
from .result import OUTCOME_LABELS, STATUS_LABELS, ReviewResult
from .summary import SEVERITY_LABELS
from .vocabulary import Category, PartyType
from .workdays import Calendar

KINDS = ("opinion", "notice", "publication", "escalation")
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}
TEMPLATE_SUFFIX = {"html": ".html.j2", "md": ".md.j2", "docx": ".docx"}


class TemplateError(ReviewInputError):
    """A report template that cannot be rendered."""


# ---------------------------------------------------------------- formatting


def cn_date(day: Optional[date]) -> str:
    """2025-04-28 → 2025年4月28日, the way official documents write dates."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未填写）"


def money(amount: Optional[float]) -> str:
    if amount is None:
        return ""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text}元"


def _citation_ref(law: str, article: str, clause: Optional[str]) -> str:
    return f"《{law}》{article}{clause or ''}"


# ---------------------------------------------------------------- inputs


@lru_cache(maxsize=8)
def _catalogue(root: Optional[str]) -> Catalogue:
    return load_catalogue(root)


def _params(profile: str, on: date, checklists: Optional[str | Path]) -> dict[str, Any]:
    catalogue = _catalogue(str(checklists) if checklists else None)
    catalogue.profile(profile, on)  # raises a clear error for an unknown profile
    return catalogue.params(profile)


def _templates_dir(templates: Optional[str | Path]) -> Path:
    path = folder("reports", templates)
    if templates is not None and not path.is_dir():
        raise TemplateError(str(path), [Problem("", "模板目录不存在")])
    return path


@lru_cache(maxsize=8)
def _wording_cached(override: Optional[str]) -> dict:
    base = _read_yaml(bundled("reports") / "wording.yaml")
    if override:
        path = Path(override) / "wording.yaml"
        if path.exists():
            _merge(base, _read_yaml(path))
    return base


def _read_yaml(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise TemplateError(str(path), [Problem(where, f"YAML 格式错误：{getattr(exc, 'problem', exc)}")]) from None


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def wording(templates: Optional[str | Path] = None) -> dict:
    return _wording_cached(str(templates) if templates else None)


def _fill(text: str, **values: Any) -> str:
    """Fill {placeholders} in a wording line; an unknown one is a template error."""
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise TemplateError("wording.yaml", [Problem("wording.yaml", f"措辞“{text}”中的占位符无法填写：{exc}")]) from None


# ---------------------------------------------------------------- view models


def _header(packet: CasePacket) -> dict:
    return {
        "agency": packet.agency.name,
        "case_id": packet.case_id,
        "case_title": packet.title,
        "matter": packet.matter,
        "category": packet.category.label,
        "procedure": packet.procedure.label,
    }


def _party_lines(packet: CasePacket) -> list[dict]:
    out = []
    for p in packet.parties:
        ident = p.id_number if p.kind == PartyType.individual else p.credit_code
        ident_label = "身份证件号码" if p.kind == PartyType.individual else "统一社会信用代码"
        out.append({
            "kind": p.kind.label, "name": p.name, "id_label": ident_label, "id": ident or "（未填写）",
            "address": p.address or "", "legal_representative": p.legal_representative or "",
        })
    return out


def _measures(packet: CasePacket) -> list[str]:
    out = []
    for m in packet.decision.measures:
        text = m.type.label
        if m.amount is not None:
            text += money(m.amount)
        if m.duration_days:
            text += f"（{m.duration_days}日）"
        if m.description:
            text += f"：{m.description}"
        out.append(text)
    return out


def _basis(packet: CasePacket) -> list[str]:
    return [f"{_citation_ref(b.law, b.article, b.clause)}（{b.role.label}）" for b in packet.legal_basis]


def _decision(packet: CasePacket) -> dict:
    d = packet.decision
    return {
        "summary": d.summary or "（未填写）",
        "measures": _measures(packet),
        "discretion": d.discretion.tier.label,
        "discretion_reasons": "；".join(d.discretion.reasons),
        "basis": _basis(packet),
    }


def opinion_view(
    result: ReviewResult,
    packet: CasePacket,
    *,
    issued_on: Optional[date] = None,
    reviewer: str = "",
    templates: Optional[str | Path] = None,
    checklists: Optional[str | Path] = None,
    calendar: Optional[Calendar] = None,
) -> dict:
    """法制审核意见书: everything the reviewer signs, as display strings."""
    issued_on = issued_on or date.today()
    calendar = calendar or Calendar()
    words = wording(templates)["opinion"]
    params = _params(result.profile.name, result.decision_date, checklists)
    outcome_words = words["outcomes"][result.outcome]
    workdays = deadline = None
    if outcome_words.get("deadline_param"):
        workdays = int(params[outcome_words["deadline_param"]])
        deadline = calendar.add(issued_on, workdays)
    publication_workdays = _publication_workdays(packet.category, params)
    action = _fill(
        outcome_words["action"], workdays=workdays or "", deadline=cn_date(deadline) if deadline else "",
        publication_workdays=publication_workdays,
    )
    item_titles = {i.id: i.title for i in result.items}
    findings = []
    for number, f in enumerate(result.findings, start=1):
        findings.append({
            "number": number, "rule_id": f.rule_id, "item": f.item, "item_title": item_titles.get(f.item, ""),
            "severity": SEVERITY_LABELS[f.severity], "title": f.title, "message": f.message, "suggestion": f.suggestion,
            "citations": [{"ref": _citation_ref(c.law, c.article, c.clause), "text": c.text} for c in f.citations],
        })
    numbers = {f.rule_id: str(v["number"]) for f, v in zip(result.findings, findings)}
    items = [
        {
            "id": i.id, "title": i.title, "status": i.status, "result": STATUS_LABELS[i.status],
            "findings": "、".join(f"第{numbers[r]}项" for r in i.findings if r in numbers),
        }
        for i in result.items
    ]
    return {
        "document": "opinion",
        "title": words["title"],
        **_header(packet),
        "issued_on": cn_date(issued_on),
        "submitted_on": cn_date(packet.timeline.submitted_for_review),
        "decision_date": cn_date(result.decision_date),
        "profile": result.profile.label,
        "parties": _party_lines(packet),
        "decision": _decision(packet),
        "major": {
            "is_major": result.major.is_major,
            "answer": "是" if result.major.is_major else "否",
            "triggers": [{"label": t.label, "source": t.source} for t in result.major.triggers],
            "note": "" if result.major.is_major else words["not_major_note"],
        },
        "items": items,
        "findings": findings,
        "outcome": result.outcome,
        "outcome_label": OUTCOME_LABELS[result.outcome],
        "conclusion": outcome_words["conclusion"],
        "action": action,
        "deadline": cn_date(deadline) if deadline else "",
        "deadline_workdays": workdays or "",
        "warnings": list(result.warnings) + calendar.warnings(),
        "reviewer": reviewer,
        "signature": words["signature"],
        "unit_signature": words["unit_signature"],
    }


def notice_view(
    packet: CasePacket,
    missing: Iterable["MissingMaterial | Mapping[str, Any] | str"],
    *,
    issued_on: Optional[date] = None,
    profile: Optional[str] = None,
    templates: Optional[str | Path] = None,
    checklists: Optional[str | Path] = None,
) -> dict:
    """补正材料通知书: every missing material in one notice, never piecemeal."""
    issued_on = issued_on or date.today()
    words = wording(templates)["notice"]
    name = profile or packet.agency.profile or "national"
    params = _params(name, packet.timeline.decision_date or issued_on, checklists)
    materials = [MissingMaterial.coerce(m) for m in missing]
    if not materials:
        raise ReviewInputError("补正材料通知书", [Problem("missing", "没有需要补正的材料，无需出具补正材料通知书")])
    return {
        "document": "notice",
        "title": words["title"],
        **_header(packet),
        "issued_on": cn_date(issued_on),
        "submitted_on": cn_date(packet.timeline.submitted_for_review),
        "opening": words["opening"],
        "materials": [
            {"number": i, "name": m.name, "requirement": m.requirement, "basis": m.basis}
            for i, m in enumerate(materials, start=1)
        ],
        "closing": _fill(words["closing"], workdays=params["review_days"]),
        "signature": words["signature"],
    }


def _publication_workdays(category: Category, params: Mapping[str, Any]) -> int:
    if category in (Category.penalty, Category.licence):
        return int(params["publication_workdays_penalty_licence"])
    return int(params["publication_workdays_other"])


def publication_view(
    packet: CasePacket,
    *,
    decision_date: Optional[date] = None,
    profile: Optional[str] = None,
    templates: Optional[str | Path] = None,
    checklists: Optional[str | Path] = None,
    calendar: Optional[Calendar] = None,
    redactor: Optional[Redactor] = None,
) -> dict:
    """公示版: what the publication rules publish, with personal data removed.

    Published: the agency, the party, the category, the facts found, the
    legal basis and the decision (seed 003: 执法机关、执法对象、执法类别、执法结论).
    Every string passes through the redactor, so a name or number typed into
    any free-text field is caught, not only the party's own fields.
    """
    calendar = calendar or Calendar()
    decided = decision_date or packet.timeline.decision_date or date.today()
    words = wording(templates)["publication"]
    params = _params(profile or packet.agency.profile or "national", decided, checklists)
    workdays = _publication_workdays(packet.category, params)
    deadline = calendar.add(decided, workdays)
    r = redactor or redactor_for(packet)
    parties = []
    for p in packet.parties:
        if p.kind == PartyType.individual:
            parties.append({"kind": p.kind.label, "name": r(p.name), "id_label": "", "id": ""})
        else:
            parties.append({"kind": p.kind.label, "name": r(p.name), "id_label": "统一社会信用代码", "id": p.credit_code or ""})
    f = packet.facts
    view = {
        "document": "publication",
        "title": _fill(words["title"], category=packet.category.label),
        "agency": r(packet.agency.name),
        "case_id": r(packet.case_id),
        "case_title": r(packet.title),
        "matter": r(packet.matter),
        "category": packet.category.label,
        "parties": parties,
        "facts": {
            "conduct": r(f.conduct or "（未填写）"),
            "conduct_date": cn_date(f.conduct_date) if f.conduct_date else "",
            "place": r(f.place or ""),
            "consequence": r(f.consequence or ""),
        },
        "basis": [r(b) for b in _basis(packet) if "（职权依据）" not in b],
        "decision": {"summary": r(packet.decision.summary or "（未填写）"), "measures": [r(m) for m in _measures(packet)]},
        "decision_date": cn_date(decided),
        "channel": r(packet.publication.channel or ""),
        "deadline": cn_date(deadline),
        "deadline_workdays": workdays,
        "deadline_text": _fill(words["deadline"], workdays=workdays, deadline=cn_date(deadline)),
        "redaction_note": words["redaction_note"],
        "withdrawal": words["withdrawal"] if packet.category == Category.penalty else "",
        "warnings": calendar.warnings(),
    }
    return view


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """A field of a model or a mapping, under the first name it has."""
    for name in names:
        if isinstance(obj, Mapping):
            if obj.get(name) is not None:
                return obj[name]
        elif getattr(obj, name, None) is not None:
            return getattr(obj, name)
    return default


def _joined(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "；".join(_joined(v) for v in value if v)
    if not isinstance(value, str) and _get(value, "law"):
        return _citation_ref(_get(value, "law"), _get(value, "article", default=""), _get(value, "clause"))
    return str(value)


def _sentence(text: str) -> str:
    """Close a sentence with 。 unless it already ends with punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。；！？.;!?）)”" else text + "。"


def _quoted(citations: Iterable[Any]) -> list[dict]:
    return [
        {"ref": _citation_ref(_get(c, "law"), _get(c, "article", default=""), _get(c, "clause")), "text": _get(c, "text", default="")}
        for c in citations or []
    ]


def _head_options(note: Any, packet: CasePacket, outcome_label: str, other: str) -> list[dict]:
    """The head's choices as the flow offers them (checklists/escalation.yaml), one wording for both.

    A note from the flow carries its options, collective discussion marked 应当 when Art. 57
    requires it; a hand-written note gets the same options worked out from the packet's flags.
    """
    options = _get(note, "options", default=None)
    if not options:
        from .escalation import head_options

        required = bool(packet.flags.complex_case or packet.flags.grave_violation)
        options = head_options(outcome_label, collective_required=required)
    decision = _get(note, "head_decision", default=None)
    chosen = {_get(decision, "choice", default=None)} if decision is not None else set()
    if decision is not None and _get(decision, "collective_discussion_on", default=None):
        chosen.add("collective_discussion")
    lines = []
    for option in options:
        label, basis = _get(option, "label", default=""), _get(option, "basis", default="")
        lines.append({"text": f"{label}（{basis}）" if basis else label,
                      "mark": "☑" if _get(option, "key", default=None) in chosen else "□"})
    return lines + [{"text": other, "mark": "□"}]


def _head_decision(note: Any) -> Optional[dict]:
    """The head's decision once the flow has recorded it, so the archived note shows it."""
    decision = _get(note, "head_decision", default=None)
    if decision is None:
        return None
    collective = _get(decision, "collective_discussion_on", default=None)
    return {
        "choice": _get(decision, "choice_label", "choice", default=""),
        "reason": _sentence(_get(decision, "reason", default="")),
        "by": _get(decision, "decided_by", default=""),
        "on": cn_date(_get(decision, "decided_on", default=None)),
        "collective": cn_date(collective) if collective else "",
    }


def escalation_view(
    note: Any,
    packet: CasePacket,
    result: Optional[ReviewResult] = None,
    *,
    issued_on: Optional[date] = None,
    templates: Optional[str | Path] = None,
) -> dict:
    """报请负责人决定的意见分歧说明: both opinions side by side, per disputed finding.

    `note` is the flow engine's EscalationNote, or a mapping of the same
    shape: `disputes` (each: rule_id, the handling unit's reasons and basis,
    optionally the reviewer's opinion) and `settled` (what negotiation agreed).
    The reviewer's side defaults to the finding in `result`, so the head
    reads the reviewer's exact words and citations.
    """
    issued_on = issued_on or date.today()
    words = wording(templates)["escalation"]
    findings = {f.rule_id: f for f in result.findings} if result else {}
    disputes = []
    for number, d in enumerate(_get(note, "disputes", "disputed", default=[]), start=1):
        rule_id = _get(d, "rule_id", "finding_id", default="")
        finding = findings.get(rule_id)
        reviewer = _get(d, "reviewer_opinion", "reviewer", default=None)
        if reviewer is None and finding is not None:
            reviewer = f"{_sentence(finding.message)}{_sentence(finding.suggestion)}"
        disputes.append({
            "number": number,
            "rule_id": rule_id,
            "title": _get(d, "title", default=None) or (finding.title if finding else rule_id),
            "reviewer": _sentence(_joined(reviewer)) or "（未填写）",
            "reviewer_basis": _quoted(_get(d, "citations", default=None) or (finding.citations if finding else [])),
            "reviewer_basis_text": "；".join(
                f"{c['ref']}：“{c['text']}”" for c in _quoted(_get(d, "citations", default=None) or (finding.citations if finding else []))
            ),
            "unit": _sentence(_joined(_get(d, "unit_opinion", "objection", "reasons", "unit_reasons"))) or "（未填写）",
            "unit_basis": _joined(_get(d, "unit_basis", "basis", "legal_basis")),
        })
    if not disputes:
        raise ReviewInputError("意见分歧说明", [Problem("disputes", "没有未达成一致的事项，无需报请负责人决定")])
    settled = []
    for s in _get(note, "settled", "agreed", default=[]):
        rule_id = _get(s, "rule_id", "finding_id", default="")
        finding = findings.get(rule_id)
        settled.append({
            "title": _get(s, "title", default=None) or (finding.title if finding else rule_id),
            "resolution": _joined(_get(s, "resolution", "outcome", "agreement", "result")),
        })
    outcome = _get(note, "outcome", default=None) or (result.outcome if result else None)
    outcome_label = OUTCOME_LABELS.get(outcome, outcome or "")
    return {
        "document": "escalation",
        "title": words["title"],
        "subtitle": words["subtitle"],
        **_header(packet),
        "issued_on": cn_date(issued_on),
        "submitted_on": cn_date(packet.timeline.submitted_for_review),
        "opening": words["opening"],
        "outcome_label": outcome_label,
        "disputes": disputes,
        "settled_heading": words["settled_heading"],
        "settled": settled,
        "no_settled": words["no_settled"],
        "proposed_decision": _get(note, "proposed_decision", default=None) or packet.decision.summary or "",
        "deadlines_heading": words["deadlines_heading"],
        "deadlines": [f"{_get(d, 'label', default='')}：{_get(d, 'status', default='')}"
                      for d in _get(note, "deadlines", default=[])],
        "no_deadlines": words["no_deadlines"],
        "options": _head_options(note, packet, outcome_label, words["other_option"]),
        "head_decision": _head_decision(note),
        "decision_heading": words["decision_heading"],
        "signature": words["signature"],
        "reviewer_signature": words["reviewer_signature"],
        "unit_signature": words["unit_signature"],
    }


# ---------------------------------------------------------------- rendering


def _md_escape(value: Any) -> Any:
    """Escape what Markdown would read as markup, so a party named `<script>` stays text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", value)
    return value.replace("\r", "").replace("\n", " ")


@lru_cache(maxsize=16)
def _environment(fmt: str, override: Optional[str]) -> jinja2.Environment:
    paths = [str(Path(override))] if override else []
    paths.append(str(bundled("reports")))
    options: dict[str, Any] = dict(
        loader=jinja2.FileSystemLoader(paths, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if fmt == "html":
        options["autoescape"] = True
    else:
        options["autoescape"] = False
        options["finalize"] = _md_escape
    return jinja2.Environment(**options)


def _template_problem(name: str, exc: BaseException) -> TemplateError:
    """Turn a jinja error into a Chinese message naming the template and line."""
    line = getattr(exc, "lineno", None)
    if not isinstance(exc, jinja2.TemplateSyntaxError):
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename and Path(frame.filename).name == Path(name).name:
                line = frame.lineno
                break
    where = f"{name}:{line}" if line else name
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = f"模板语法错误：{exc.message}"
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"模板引用了不存在的数据：{exc.message}"
    elif isinstance(exc, jinja2.TemplateNotFound):
        message = "找不到模板文件"
    else:
        message = f"模板无法渲染：{exc}"
    return TemplateError(name, [Problem(where, message)])


def _render_text(kind: str, fmt: str, view: Mapping[str, Any], templates: Optional[str | Path]) -> str:
    name = kind + TEMPLATE_SUFFIX[fmt]
    env = _environment(fmt, str(templates) if templates else None)
    try:
        return env.get_template(name).render(**view)
    except jinja2.TemplateError as exc:
        raise _template_problem(name, exc) from None


def _docx_template_path(kind: str, templates: Optional[str | Path]) -> Path:
    name = kind + ".docx"
    if templates:
        own = Path(templates) / name
        if own.exists():
            return own
    path = bundled("reports") / name
    if not path.exists():
        raise TemplateError(name, [Problem(name, "找不到模板文件")])
    return path


def _docx_paragraph_problem(path: Path) -> Optional[str]:
    """The paragraph whose tags do not even lex, for an error a clerk can find in Word."""
    import docx

    env = jinja2.Environment()
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for number, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.text
        if "{" not in text:
            continue
        cleaned = re.sub(r"\{%\s*(p|tr|tc|r)\s", "{% ", text)
        try:
            list(env.lex(cleaned))
        except jinja2.TemplateSyntaxError:
            return f"第 {number} 段“{text[:60]}”"
    return None


def _render_docx(kind: str, view: Mapping[str, Any], templates: Optional[str | Path]) -> bytes:
    from docxtpl import DocxTemplate

    path = _docx_template_path(kind, templates)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    try:
        document = DocxTemplate(str(path))
        document.render(dict(view), jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        error = _template_problem(path.name, exc)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            where = _docx_paragraph_problem(path)
            problem = error.problems[0]
            error = TemplateError(path.name, [Problem(f"{path.name}：{where}" if where else path.name, problem.message)])
        else:
            error = TemplateError(path.name, [Problem(path.name, error.problems[0].message)])
        raise error from None
    except Exception as exc:  # a damaged .docx (not a zip, missing parts)
        raise TemplateError(path.name, [Problem(path.name, f"Word 模板无法读取：{exc}")]) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(kind: str, view: Mapping[str, Any], fmt: str, templates: Optional[str | Path] = None) -> bytes:
    """One document in one format (html, md, docx, pdf), as bytes."""
    if kind not in KINDS:
        raise ReviewInputError("文书", [Problem("kind", f"未知的文书种类“{kind}”，应为：{'、'.join(KINDS)}")])
    if templates is not None:
        _templates_dir(templates)
    if fmt == "docx":
        return _render_docx(kind, view, templates)
    if fmt == "pdf":
        return html_to_pdf(_render_text(kind, "html", view, templates))
    if fmt not in TEMPLATE_SUFFIX:
        raise ReviewInputError("文书", [Problem("format", f"未知的输出格式“{fmt}”，应为 html、md、docx 或 pdf")])
    return _render_text(kind, fmt, view, templates).encode("utf-8")


CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def chromium() -> Optional[str]:
    """Path of a headless-capable Chromium, or None."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: str) -> bytes:
    """Print HTML to an A4 PDF through headless Chromium (the page size comes from the CSS @page rule)."""
    import subprocess
    import tempfile

    browser = chromium()
    if browser is None:
        raise ReviewInputError("PDF", [Problem("--out", "未找到 Chromium，无法输出 PDF；请安装 chromium（scripts/ensure-chromium.sh），或改用 .html / .docx")])
    with tempfile.TemporaryDirectory(prefix="review-pdf-") as tmp:
        source = Path(tmp) / "document.html"
        target = Path(tmp) / "document.pdf"
        source.write_text(html, encoding="utf-8")
        command = [
            browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
            f"--print-to-pdf={target}", source.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not target.exists():
            raise ReviewInputError("PDF", [Problem("chromium", f"Chromium 打印 PDF 失败（退出码 {done.returncode}）：{done.stderr.strip()[-300:]}")])
        return target.read_bytes()


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ReviewInputError(str(path), [Problem("--out", f"无法从扩展名“{suffix or '（无）'}”判断格式，应为 .html、.md、.docx 或 .pdf")])
    return FORMATS[suffix]


def save(kind: str, view: Mapping[str, Any], path: str | Path, templates: Optional[str | Path] = None) -> Path:
    """Render and write a document; the format follows the file's extension."""
    path = Path(path)
    data = render(kind, view, format_for(path), templates)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise ReviewInputError(str(path), [Problem("--out", f"无法写入文件：{exc.strerror}")]) from None
    return path
