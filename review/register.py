"""The review register: an append-only, hash-chained record of every step of a review.

Why a chain: a review's history (submission, notices, opinions, objections,
negotiation, escalation, the head's decision) is evidence that the
法制审核 happened before the decision (行政处罚法第五十八条). Each entry
carries the hash of the one before it, over the whole register, so an edited,
deleted or reordered row — even a whole deleted case — breaks the chain and
`verify()` says where.

Why one writer lock per transaction: the review flow reads a case's history,
validates a transition and appends in one `case()` block; two processes doing
that at once must not both append "decided". SQLite takes the database write
lock up front (BEGIN IMMEDIATE, WAL, busy timeout); PostgreSQL takes a
transaction-level advisory lock. The lock also makes `seq` gapless: the next
number and the previous hash are read under it.

Storage is plain SQLAlchemy Core: a SQLite file by default (no server), any
PostgreSQL database by URL (`postgresql+psycopg://user@host/db`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Iterator, NamedTuple

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.schema import CreateIndex, CreateTable, Index

from .errors import ReviewError

DEFAULT_URL = "sqlite:///review-register.sqlite"
ENV_URL = "REVIEW_REGISTER"

# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 60

# Key of the PostgreSQL advisory lock that serialises writers (any bigint works;
# this one is the first 8 bytes of sha256("review.register"), fixed forever).
_PG_LOCK_KEY = int.from_bytes(hashlib.sha256(b"review.register").digest()[:8], "big", signed=True)

metadata = MetaData()

register_entries = Table(
    "register_entries",
    metadata,
    # Assigned under the writer lock as max(seq)+1, never by the database's
    # sequence, so a rolled-back transaction leaves no gap.
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("case_id", String(200), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON, exactly what was hashed
    Column("actor", String(200), nullable=True),
    # ISO 8601 text in UTC, exactly what was hashed: a DateTime column would
    # round-trip differently on SQLite and PostgreSQL and break the hash.
    Column("recorded_at", String(40), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
_case_index = Index("ix_register_entries_case_id", register_entries.c.case_id)
_LIMITS = {"case_id": 200, "kind": 64, "actor": 200}  # column lengths, checked the same on every backend


# What legal staff read for each kind the review flow writes; an unknown kind
# is shown as written.
KIND_LABELS = {
    "submitted": "送审",
    "intake_notice": "补正材料通知",
    "supplemented": "补正材料",
    "review_started": "开始审核",
    "opinion": "审核意见",
    "resubmitted": "重新送审",
    "objection": "承办机构异议",
    "negotiation": "协商",
    "escalation": "提请负责人决定",
    "head_decision": "负责人决定",
    "decided": "作出决定",
    "extension": "延长审核期限",
    "transferred": "移送司法机关",
    "published": "公示执法决定",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


class RegisterError(ReviewError):
    """The register cannot be opened, or a payload cannot be stored."""


@dataclass(frozen=True)
class Entry:
    """One row of the register, as written and hashed."""

    seq: int
    case_id: str
    kind: str
    payload: dict
    actor: str | None
    recorded_at: datetime
    prev_hash: str
    hash: str

    def to_dict(self) -> dict:
        return {
            "seq": self.seq, "case_id": self.case_id, "kind": self.kind, "payload": self.payload,
            "actor": self.actor, "recorded_at": _iso(self.recorded_at),
            "prev_hash": self.prev_hash, "hash": self.hash,
        }


class RegisterProblem(NamedTuple):
    """What `verify()` found wrong, and where: (seq, case_id, Chinese message)."""

    seq: int
    case_id: str | None  # None when the entry is gone and its case cannot be known
    message: str

    def __str__(self) -> str:
        where = f"第 {self.seq} 号记录" + (f"（案件 {self.case_id}）" if self.case_id else "")
        return f"{where}：{self.message}"


@dataclass
class Verification:
    """The result of walking the whole chain."""

    ok: bool
    problems: list[RegisterProblem] = field(default_factory=list)
    count: int = 0  # entries present
    head_seq: int = 0  # last seq present (0 when empty)
    head_hash: str = ""  # its stored hash: keep it elsewhere to detect a cut-off tail


# ---------------------------------------------------------------- hashing

def canonical_payload(payload: dict) -> str:
    """The one spelling of a payload that is stored and hashed.

    Sorted keys, no spaces, Chinese kept as is. Dates and datetimes become
    ISO strings and Decimals numbers-as-text, so the flow may pass them; what
    is read back is the JSON, never the Python object.
    """
    if not isinstance(payload, dict):
        raise RegisterError(f"登记内容（payload）必须是字典，收到的是 {type(payload).__name__}")
    try:
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          default=_json_default, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise RegisterError(f"登记内容（payload）无法保存为 JSON：{error}") from None


def _json_default(value):
    if isinstance(value, datetime):
        return _iso(_utc(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"{type(value).__name__} 类型的值 {value!r} 不能写入登记簿")


def entry_hash(seq: int, case_id: str, kind: str, payload_json: str, actor: str | None,
               recorded_at: str, prev_hash: str) -> str:
    """sha256 over the fields as a JSON array, so no separator can be forged."""
    material = json.dumps([seq, case_id, kind, payload_json, actor, recorded_at, prev_hash],
                          ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _utc(moment: datetime) -> datetime:
    # A naive datetime is taken as UTC (Python's utcnow convention); an aware
    # one is converted.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _iso(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="microseconds")


def _row_hash(row) -> str:
    return entry_hash(row.seq, row.case_id, row.kind, row.payload, row.actor, row.recorded_at, row.prev_hash)


def _entry(row) -> Entry:
    return Entry(
        seq=row.seq, case_id=row.case_id, kind=row.kind, payload=json.loads(row.payload),
        actor=row.actor, recorded_at=datetime.fromisoformat(row.recorded_at),
        prev_hash=row.prev_hash, hash=row.hash,
    )


# ---------------------------------------------------------------- engines

def resolve_url(url: str | None = None) -> str:
    """The URL given, else $REVIEW_REGISTER, else a SQLite file in the cwd."""
    return url or os.environ.get(ENV_URL) or DEFAULT_URL


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RegisterError(f"登记簿地址无法识别：{url}（示例：sqlite:///review-register.sqlite 或 "
                            f"postgresql+psycopg://用户@主机/数据库）") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise RegisterError(f"登记簿只支持 SQLite 与 PostgreSQL，收到的地址是 {parsed.render_as_string()}")
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise RegisterError(f"登记簿所在目录不存在：{folder}")
        try:
            engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        except NoSuchModuleError as error:
            raise RegisterError(f"无法打开登记簿 {url}：{error}") from None
        _sqlite_tuning(engine)
        return engine
    if parsed.drivername == "postgresql":
        # Plain "postgresql://" would pick psycopg2; psycopg 3 is what we depend on.
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as error:
        raise RegisterError(f"无法连接 PostgreSQL 登记簿：缺少驱动（pip install 'psycopg[binary]'）：{error}") from None


def _sqlite_tuning(engine: Engine) -> None:
    """WAL (readers never block the writer), a busy timeout, and BEGIN chosen per use.

    pysqlite's own transaction handling starts transactions lazily and never
    with IMMEDIATE, so it is switched off and SQLAlchemy's "begin" event
    emits BEGIN itself: IMMEDIATE for a writer (takes the write lock before
    the history is read), DEFERRED for a reader (a consistent snapshot).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        _switch_to_wal(cursor)
        # FULL: a committed entry survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("review_writer") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def _switch_to_wal(cursor) -> None:
    """PRAGMA journal_mode = WAL, waiting out another first user of a new file.

    Switching the journal mode needs the file to itself, and SQLite answers
    "database is locked" at once instead of calling the busy handler while a
    second process is opening the same new file; measured with two spawned
    first users (tests/test_register.py). The mode is stored in the file, so
    only the very first connections ever wait here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


# ---------------------------------------------------------------- the register

class CaseTx:
    """One case inside a writer transaction: read its history, then append."""

    def __init__(self, register: "Register", conn: Connection, case_id: str, head: list):
        self._register = register
        self._conn = conn
        self.case_id = case_id
        # [seq, hash] of the last entry, shared by every CaseTx of this
        # transaction: read once under the lock, then kept here.
        self._head = head

    def history(self) -> list[Entry]:
        return self._register._history(self._conn, self.case_id)

    def append(self, kind: str, payload: dict, actor: str | None = None, at: datetime | None = None) -> Entry:
        if not isinstance(kind, str) or not kind.strip():
            raise RegisterError("登记种类（kind）不能为空")
        _check_length("kind", kind)
        if actor is not None:
            if not isinstance(actor, str):
                raise RegisterError(f"经办人（actor）必须是文字，收到的是 {type(actor).__name__}")
            _check_length("actor", actor)
        payload_json = canonical_payload(payload)
        recorded_at = _iso(at if at is not None else datetime.now(timezone.utc))
        try:
            seq, prev_hash = self._next()
            digest = entry_hash(seq, self.case_id, kind, payload_json, actor, recorded_at, prev_hash)
            self._conn.execute(register_entries.insert().values(
                seq=seq, case_id=self.case_id, kind=kind, payload=payload_json, actor=actor,
                recorded_at=recorded_at, prev_hash=prev_hash, hash=digest,
            ))
        except DBAPIError as error:
            raise RegisterError(f"登记未能写入（案件 {self.case_id}，{kind}）：{_first_line(error)}") from None
        self._head[:] = [seq, digest]
        return Entry(seq=seq, case_id=self.case_id, kind=kind, payload=json.loads(payload_json), actor=actor,
                     recorded_at=datetime.fromisoformat(recorded_at), prev_hash=prev_hash, hash=digest)

    def _next(self) -> tuple[int, str]:
        """The next seq and the hash it must carry, read under the lock (once per transaction)."""
        if not self._head:
            last = self._conn.execute(
                select(register_entries.c.seq, register_entries.c.hash)
                .order_by(register_entries.c.seq.desc()).limit(1)
            ).first()
            self._head[:] = [last.seq, last.hash] if last else [0, ""]
        return self._head[0] + 1, self._head[1]


class Register:
    """The register at one URL. Safe to share between threads; each process opens its own."""

    def __init__(self, url: str | None = None):
        self.url = resolve_url(url)
        self._engine = _make_engine(self.url)
        self.backend = self._engine.dialect.name
        self._schema_ready = False
        self._schema_lock = threading.Lock()
        # The writer connection of the current thread, so that a nested
        # case()/append()/history() inside a case() block joins it instead of
        # waiting on its own lock.
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"Register({self._engine.url.render_as_string(hide_password=True)!r})"

    def dispose(self) -> None:
        """Close pooled connections (tests, and processes that fork)."""
        self._engine.dispose()

    # -- writing

    @contextmanager
    def case(self, case_id: str) -> Iterator[CaseTx]:
        if not isinstance(case_id, str) or not case_id.strip():
            raise RegisterError("案件编号（case_id）不能为空")
        _check_length("case_id", case_id)
        outer = getattr(self._local, "conn", None)
        if outer is not None:
            # Joined, inside a savepoint: an exception in the inner block
            # undoes only the inner appends, as the nesting reads.
            head = self._local.head
            saved = list(head)
            savepoint = outer.begin_nested()
            try:
                yield CaseTx(self, outer, case_id, head)
            except BaseException:
                savepoint.rollback()
                head[:] = saved
                raise
            savepoint.commit()
            return
        self._ensure_schema()
        with self._connect(writer=True) as conn:
            try:
                transaction = conn.begin()
                self._lock(conn)
            except DBAPIError as error:
                raise RegisterError(f"登记簿正忙或无法写入（已等待 {BUSY_TIMEOUT_SECONDS} 秒）：{_first_line(error)}") from None
            self._local.conn, self._local.head = conn, []
            try:
                yield CaseTx(self, conn, case_id, self._local.head)
            except BaseException:
                transaction.rollback()
                raise
            finally:
                self._local.conn = self._local.head = None
            try:
                transaction.commit()
            except DBAPIError as error:
                raise RegisterError(f"登记未能写入，已全部撤回：{_first_line(error)}") from None

    def append(self, case_id: str, kind: str, payload: dict, actor: str | None = None) -> Entry:
        with self.case(case_id) as tx:
            return tx.append(kind, payload, actor)

    # -- reading

    def history(self, case_id: str) -> list[Entry]:
        with self._reading() as conn:
            return self._history(conn, case_id)

    def case_ids(self) -> list[str]:
        """Every case in the register, in the order each first appeared."""
        with self._reading() as conn:
            first = func.min(register_entries.c.seq)
            rows = conn.execute(select(register_entries.c.case_id, first)
                                .group_by(register_entries.c.case_id).order_by(first))
            return [row.case_id for row in rows]

    def entries(self) -> Iterator[Entry]:
        """The whole register in seq order (for export and audit)."""
        with self._reading() as conn:
            for row in conn.execute(select(register_entries).order_by(register_entries.c.seq)):
                yield _entry(row)

    def verify(self, anchor: tuple[int, str] | None = None) -> Verification:
        """Walk the whole chain; `anchor` (seq, hash) is an entry noted earlier that must still be there.

        The chain alone cannot see its own last entries cut off; a head
        noted outside the database (a printed verify, a daily e-mail) can.
        """
        with self._reading() as conn:
            rows = conn.execute(select(register_entries).order_by(register_entries.c.seq))
            return verify_rows(rows, anchor)

    # -- plumbing

    def _history(self, conn: Connection, case_id: str) -> list[Entry]:
        rows = conn.execute(select(register_entries)
                            .where(register_entries.c.case_id == case_id)
                            .order_by(register_entries.c.seq))
        return [_entry(row) for row in rows]

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        outer = getattr(self._local, "conn", None)
        if outer is not None:
            yield outer
            return
        self._ensure_schema()
        with self._connect(writer=False) as conn, conn.begin():
            yield conn

    @contextmanager
    def _connect(self, writer: bool) -> Iterator[Connection]:
        try:
            conn = self._engine.connect()
        except (OperationalError, DBAPIError) as error:
            raise RegisterError(f"无法打开登记簿 {self!r}：{_first_line(error)}") from None
        try:
            if writer:
                conn = conn.execution_options(review_writer=True)
            yield conn
        finally:
            conn.close()

    def _lock(self, conn: Connection) -> None:
        # SQLite: BEGIN IMMEDIATE (see _sqlite_tuning) already holds the write lock.
        if self.backend == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})

    def _ensure_schema(self) -> None:
        """Create the table on first use, under the writer lock so two first users do not race.

        An existing table is only looked at, so a reader (verify on a
        read-only copy, a PostgreSQL role without CREATE) needs no write lock.
        """
        if self._schema_ready:
            return
        with self._schema_lock:
            if self._schema_ready:
                return
            try:
                with self._connect(writer=False) as conn, conn.begin():
                    exists = inspect(conn).has_table(register_entries.name)
                if not exists:
                    with self._connect(writer=True) as conn, conn.begin():
                        self._lock(conn)
                        conn.execute(CreateTable(register_entries, if_not_exists=True))
                        conn.execute(CreateIndex(_case_index, if_not_exists=True))
            except DBAPIError as error:
                raise RegisterError(f"无法建立登记簿的数据表（{self!r}）：{_first_line(error)}") from None
            self._schema_ready = True


def _check_length(name: str, value: str) -> None:
    if len(value) > _LIMITS[name]:
        raise RegisterError(f"{name} 过长：最多 {_LIMITS[name]} 个字符，收到 {len(value)} 个（{value[:20]}…）")


def _first_line(error: Exception) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


# ---------------------------------------------------------------- verification

def verify_rows(rows, anchor: tuple[int, str] | None = None) -> Verification:
    """Walk rows in seq order and name every break in the chain.

    Each row is checked twice: its own hash against its fields (an edit), and
    its prev_hash against the row before it (a deletion, or an edit whose hash
    was recomputed to hide it). The prev_hash links still spell the original
    order when seq numbers are swapped, so a row whose hash fits its place in
    that order is reported as moved rather than edited. One tampered entry
    gives one message, not a cascade down the rest of the chain.
    """
    rows = list(rows)
    position = _chain_positions(rows)
    by_seq = {row.seq: row for row in rows}
    problems: list[RegisterProblem] = []
    previous = None
    previous_moved = False
    for row in rows:
        expected_seq = previous.seq + 1 if previous is not None else 1
        if row.seq > expected_seq:
            missing = ("此记录" if row.seq - expected_seq == 1
                       else f"第 {expected_seq} 至 {row.seq - 1} 号记录")
            problems.append(RegisterProblem(expected_seq, None, f"{missing}缺失（已被删除）"))
        content_ok = _row_hash(row) == row.hash
        moved = False
        if not content_ok:
            original = _original_seq(row, position)
            if original is not None:
                moved = True
                problems.append(RegisterProblem(
                    row.seq, row.case_id,
                    f"记录编号被改动（顺序被调换，或其前的记录被删除后重新编号）："
                    f"此记录原为第 {original} 号，现位于第 {row.seq} 号"))
            else:
                problems.append(RegisterProblem(
                    row.seq, row.case_id,
                    "内容被修改：记录的哈希与其内容（案件、种类、内容、经办人、时间）不符"))
        expected_prev = previous.hash if previous is not None else ""
        if content_ok and not previous_moved and row.seq == expected_seq and row.prev_hash != expected_prev:
            if previous is None:
                message = "链条起点被改动：第一条记录的前一哈希应为空"
            else:
                message = (f"与第 {previous.seq} 号记录的链接断开：第 {previous.seq} 号记录被修改且哈希被重新计算，"
                           f"或其间的记录被删除后重新编号")
            problems.append(RegisterProblem(row.seq, row.case_id, message))
        previous, previous_moved = row, moved
    if anchor is not None:
        anchor_seq, anchor_hash = anchor
        kept = by_seq.get(anchor_seq)
        if kept is None:
            problems.append(RegisterProblem(
                anchor_seq, None, "留存的锚点记录已不存在：此记录及其后的记录被删除（末尾被截去）"))
        elif kept.hash != anchor_hash:
            problems.append(RegisterProblem(
                anchor_seq, kept.case_id, f"与留存的锚点哈希不符：留存为 {anchor_hash}，现为 {kept.hash}"))
    return Verification(
        ok=not problems, problems=problems, count=len(rows),
        head_seq=previous.seq if previous is not None else 0,
        head_hash=previous.hash if previous is not None else "",
    )


def _chain_positions(rows) -> dict[str, int]:
    """hash -> position (1, 2, ...) following prev_hash links from the start, whatever the seq column says."""
    after = {row.prev_hash: row.hash for row in rows}
    positions: dict[str, int] = {}
    current, n = "", 0
    while current in after and after[current] not in positions:
        n += 1
        current = after[current]
        positions[current] = n
    return positions


# How far a renumbered row is searched for its original seq.
_RENUMBER_WINDOW = 64


def _original_seq(row, position: dict[str, int]) -> int | None:
    """The seq this row's hash was made for, when only its seq changed; None when its content did."""
    chained = position.get(row.hash)
    candidates = [chained] if chained is not None else []
    candidates += [s for s in range(row.seq + 1, row.seq + 1 + _RENUMBER_WINDOW)]
    candidates += [s for s in range(max(1, row.seq - _RENUMBER_WINDOW), row.seq)]
    for candidate in candidates:
        if candidate != row.seq and _hash_at(row, candidate) == row.hash:
            return candidate
    return None


def _hash_at(row, seq: int) -> str:
    return entry_hash(seq, row.case_id, row.kind, row.payload, row.actor, row.recorded_at, row.prev_hash)
