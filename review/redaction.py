"""De-identification (去标识化) of text before an enforcement decision is published.

Art. 48 of the Administrative Penalty Law and the publication rules (seed 003:
"涉及国家秘密、商业秘密、个人隐私等不宜公开的，应当作适当处理后公开") publish
the decision but not a natural person's identity: ID numbers, phone numbers
and home addresses are removed and the name is shown as 张某. Organisations
keep their names and credit codes, as published decisions do.

Two layers, because either alone leaks: the exact values the packet knows
(the party's own ID number, phone, address, name) are replaced wherever they
occur, and patterns catch what the packet does not know (a witness's phone
typed into the facts, an ID number in an evidence title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .packet import CasePacket
from .vocabulary import PartyType

ID_MASK = "（身份证件号码已隐去）"
PHONE_MASK = "（联系电话已隐去）"
ADDRESS_MASK = "××"

# Compound surnames keep both characters (欧阳明 → 欧阳某).
_COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门",
)

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"

#: 18-digit resident ID (last character may be X) and the old 15-digit one.
ID18 = re.compile(_NOT_ALNUM_BEFORE + r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]" + _NOT_ALNUM_AFTER)
ID15 = re.compile(_NOT_ALNUM_BEFORE + r"[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}" + _NOT_ALNUM_AFTER)
#: Mainland mobile numbers, optionally with +86 / 86 and spaces or dashes (139 1234 5678).
#: The allocated prefixes only (13x, 145–149, 15x, 16x, 17x, 18x, 19x), so an
#: 11-digit certificate number such as 14040010021 is not taken for a phone.
MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9\d)(?:[\s-]?\d{4}){2}(?!\d)")
#: Landlines: area code 0xx / 0xxx, 7–8 digit number, optional extension.
LANDLINE = re.compile(r"(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[\s-]?)\d{7,8}(?:[-转]\d{1,6})?(?!\d)")
#: Characters that end a clause rather than start a place name ("住在", "位于").
_NOT_PLACE = r"(?![在住于的至到从和与及是])"
_PLACE_CHAR = _NOT_PLACE + r"[\u4e00-\u9fa5A-Za-z0-9]"
#: Administrative divisions (city, district, township) identify nobody and stay.
_DIVISIONS = r"(?:(?:" + _NOT_PLACE + r"[\u4e00-\u9fa5]){1,7}?(?:省|自治区|市|自治州|盟|区|县|旗|镇|乡|街道))*"
#: The street-level part of an address: road, lane or village down to the door
#: number, building and room.
_STREET = (
    r"(?:" + _PLACE_CHAR + r"){0,10}?"
    r"(?:大道|路|街|巷|弄|胡同|村|小区|花园|公寓|社区|组)"
    r"[\u4e00-\u9fa5]{0,6}?"
    r"[0-9０-９]+(?:[-－][0-9０-９]+)*(?:号院|号楼|号)"
    r"(?:[0-9０-９]+(?:号楼|栋|幢|单元|层|楼|室|号)|[-－][0-9０-９]+)*"
)
ADDRESS = re.compile(r"(?P<divisions>" + _DIVISIONS + r")(?P<street>" + _STREET + r")")
_LEADING_DIVISIONS = re.compile(r"^" + _DIVISIONS)


#: A person's name right after a role word ("举报人王小红，") is a name the
#: packet never listed; it is caught here when it starts with a common
#: surname and is not one of the verbs that follow a role word in case
#: files ("当事人陈述、申辩" is not a person called 陈述).
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_NOT_NAMES = frozenset(
    "陈述 申辩 陈述申辩 承认 签名 签字 同意 拒绝 表示 认可 提出 要求 放弃 确认 到场 不服 未到 配合 供述 辩称 自认 主动 本人 在场 "
    "称 提供 申请 未能 均 及 已 对 向 于 经 因 将".split()
)
ROLE_NAME = re.compile(
    r"(?P<role>举报人|投诉人|证人|当事人|法定代表人|负责人|经营者|监护人|被询问人|见证人|申请人|户主)"
    r"(?P<name>[" + _SURNAMES + r"][\u4e00-\u9fa5]{1,2}?)(?=[（(，,、。；;：:\s]|$)"
)


def _role_name(match: "re.Match[str]") -> str:
    name = match.group("name")
    if name in _NOT_NAMES:
        return match.group(0)
    return match.group("role") + pseudonym(name)


def pseudonym(name: str) -> str:
    """张三 → 张某; 欧阳明 → 欧阳某; a name already ending in 某 stays."""
    name = name.strip()
    if not name or name.endswith("某"):
        return name
    surname = name[:2] if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    return surname + "某"


@dataclass
class Redactor:
    """Replaces the personal data of natural persons in any text it is given."""

    names: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)  # organisations' credit codes and addresses

    def __call__(self, text: object) -> str:
        return self.text(text)

    def text(self, value: object) -> str:
        if value is None:
            return ""
        out = str(value)
        if not out:
            return out
        # Exact values first, so a number the patterns would miss still goes.
        for number in sorted(self.id_numbers, key=len, reverse=True):
            out = out.replace(number, ID_MASK)
        for phone in sorted(self.phones, key=len, reverse=True):
            out = out.replace(phone, PHONE_MASK)
        for address in sorted(self.addresses, key=len, reverse=True):
            out = out.replace(address, self._address(address))
        # Shield organisations' credit codes and addresses from the patterns.
        shields = {f"\x00{chr(0xE000 + i)}\x00": code for i, code in enumerate(sorted(self.keep, key=len, reverse=True)) if code}
        for token, code in shields.items():
            out = out.replace(code, token)
        out = ID18.sub(ID_MASK, out)
        out = ID15.sub(ID_MASK, out)
        out = MOBILE.sub(PHONE_MASK, out)
        out = LANDLINE.sub(PHONE_MASK, out)
        out = ADDRESS.sub(lambda m: m.group("divisions") + ADDRESS_MASK, out)
        for token, code in shields.items():
            out = out.replace(token, code)
        for name in sorted(self.names, key=len, reverse=True):
            if len(name) >= 2:
                out = out.replace(name, pseudonym(name))
        out = ROLE_NAME.sub(_role_name, out)
        return out

    @staticmethod
    def _address(address: str) -> str:
        kept = _LEADING_DIVISIONS.match(address).group(0)
        return kept + ADDRESS_MASK

    def leaks(self, text: str) -> list[str]:
        """Personal data still present in `text` (for tests and a last check)."""
        found = [v for v in (*self.id_numbers, *self.phones, *self.addresses) if v and v in text]
        found += [n for n in self.names if len(n) >= 2 and n in text and not n.endswith("某")]
        for pattern in (ID18, ID15, MOBILE, LANDLINE):
            found += [m.group(0) for m in pattern.finditer(text) if m.group(0) not in self.keep]
        return found


def _natural_persons(packet: CasePacket) -> Iterable[str]:
    for party in packet.parties:
        if party.kind == PartyType.individual:
            yield party.name
        if party.legal_representative:
            yield party.legal_representative


def redactor_for(packet: CasePacket, extra_names: Iterable[str] = ()) -> Redactor:
    """A redactor that knows the packet's natural persons and their data.

    Officers act in a public capacity and are not redacted here; the
    publication copy does not print them.
    """
    individuals = [p for p in packet.parties if p.kind == PartyType.individual]
    return Redactor(
        names=sorted({n.strip() for n in (*_natural_persons(packet), *extra_names) if n and n.strip()}),
        addresses=[p.address for p in individuals if p.address],
        id_numbers=[p.id_number for p in packet.parties if p.id_number],
        phones=[p.phone for p in individuals if p.phone],
        keep=[v for p in packet.parties if p.kind != PartyType.individual for v in (p.credit_code, p.address) if v],
    )
