"""The review register: hash chain, tamper detection, transactions, concurrency, CLI.

Every library test runs twice: on a SQLite file and on a real PostgreSQL
server that this module starts (initdb + pg_ctl into a temporary directory,
on a free localhost port) and stops at the end. Missing PostgreSQL binaries
fail the PostgreSQL tests with a pointer to scripts/ensure-postgres.sh,
unless REVIEW_SKIP_POSTGRES=1.

Tampering is done with raw SQL, as someone with database access would.
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from review.cli import main
from review.register import Register, RegisterError

CONCURRENT_APPENDS = 40  # per process


# ------------------------------------------------------------ PostgreSQL server

def _postgres_bin() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                        key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    for bin_dir in reversed(candidates):
        if (Path(bin_dir) / "initdb").exists() and (Path(bin_dir) / "pg_ctl").exists():
            return Path(bin_dir)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the session; yields the admin URL of its `postgres` database."""
    if os.environ.get("REVIEW_SKIP_POSTGRES") == "1":
        pytest.skip("REVIEW_SKIP_POSTGRES=1：跳过 PostgreSQL 登记簿测试")
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.fail("未找到 PostgreSQL 服务器程序（initdb、pg_ctl）：请先运行 scripts/ensure-postgres.sh "
                    "（make test 会自动运行），或设置 REVIEW_SKIP_POSTGRES=1 跳过这些测试", pytrace=False)
    # initdb refuses to run as root (CI runs as root): run the server as the
    # `postgres` OS user the Debian package creates.
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("以 root 运行时需要 postgres 系统用户来启动测试用 PostgreSQL：请运行 scripts/ensure-postgres.sh",
                        pytrace=False)
        run_as = ["runuser", "-u", "postgres", "--"]
    # Not under pytest's tmp_path: that tree is private to root and the
    # server user could not enter it.
    base = Path(tempfile.mkdtemp(prefix="review-register-pg-"))
    data = base / "data"
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    port = _free_port()

    def run(*args: str) -> None:
        done = subprocess.run(run_as + list(args), capture_output=True, text=True)
        if done.returncode != 0:
            log = (base / "server.log").read_text(errors="replace") if (base / "server.log").exists() else ""
            pytest.fail(f"{' '.join(args[:2])} 失败（{done.returncode}）：\n{done.stdout}\n{done.stderr}\n{log}",
                        pytrace=False)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "review", "-A", "trust", "-E", "UTF8",
        "--locale=C", "--no-sync")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "60",
        "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {base} -c fsync=off", "start")
    try:
        yield f"postgresql+psycopg://review@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    """A fresh, empty register: a SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite'}"
        return
    admin_url = request.getfixturevalue("postgres_server")
    name = f"register_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def register(url):
    reg = Register(url)
    yield reg
    reg.dispose()


def raw_sql(url: str, *statements: str) -> None:
    """Tamper with the register behind the library's back."""
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def fill(register: Register) -> None:
    """Five entries over two cases: A gets 1, 2, 4; B gets 3, 5."""
    register.append("A", "submitted", {"拟处罚款": 50000, "当事人": "某公司"}, actor="承办机构")
    register.append("A", "intake_notice", {"结果": "受理"}, actor="法制科")
    register.append("B", "submitted", {"拟处罚款": 3000}, actor="承办机构")
    register.append("A", "opinion", {"结论": "修改", "理由": ["未告知听证权利"]}, actor="法制科")
    register.append("B", "intake_notice", {"结果": "补正"}, actor="法制科")


# ------------------------------------------------------------ the chain

def test_chain_links_each_entry_to_the_one_before(register, url):
    fill(register)
    entries = list(register.entries())
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == ""
    for before, after in zip(entries, entries[1:]):
        assert after.prev_hash == before.hash
    # The hash is sha256 over the fields as a JSON array (the interface's
    # definition), recomputed here from the raw row, not taken from the library.
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM register_entries WHERE seq = 4")).mappings().one()
    engine.dispose()
    assert row["payload"] == '{"理由":["未告知听证权利"],"结论":"修改"}'  # sorted keys, Chinese kept
    material = json.dumps([4, "A", "opinion", row["payload"], "法制科", row["recorded_at"], entries[2].hash],
                          ensure_ascii=False, separators=(",", ":"))
    assert row["hash"] == hashlib.sha256(material.encode("utf-8")).hexdigest() == entries[3].hash
    result = register.verify()
    assert result.ok and result.problems == []
    assert (result.count, result.head_seq, result.head_hash) == (5, 5, entries[4].hash)


def test_history_and_case_ids(register):
    fill(register)
    history = register.history("A")
    assert [(e.seq, e.kind) for e in history] == [(1, "submitted"), (2, "intake_notice"), (4, "opinion")]
    assert history[2].payload == {"结论": "修改", "理由": ["未告知听证权利"]}
    assert history[0].actor == "承办机构"
    assert register.case_ids() == ["A", "B"]
    assert register.history("nobody") == []


def test_recorded_at_is_utc(register):
    beijing = timezone(timedelta(hours=8))
    aware = register.append("A", "submitted", {}, actor=None)
    assert aware.recorded_at.utcoffset() == timedelta(0)
    with register.case("A") as tx:
        given = tx.append("opinion", {}, at=datetime(2025, 3, 1, 8, 30, tzinfo=beijing))
    assert given.recorded_at == datetime(2025, 3, 1, 0, 30, tzinfo=timezone.utc)
    assert register.history("A")[1].recorded_at == datetime(2025, 3, 1, 0, 30, tzinfo=timezone.utc)


def test_payload_that_is_not_json_is_refused_in_chinese(register):
    with pytest.raises(RegisterError, match="无法保存为 JSON"):
        register.append("A", "submitted", {"x": object()})
    with pytest.raises(RegisterError, match="必须是字典"):
        register.append("A", "submitted", ["not", "a", "dict"])
    assert register.verify().count == 0


# ------------------------------------------------------------ tampering

def test_edited_payload_is_named(register, url):
    fill(register)
    raw_sql(url, """UPDATE register_entries SET payload = '{"结论":"同意"}' WHERE seq = 4""")
    result = register.verify()
    assert not result.ok
    assert [(p.seq, p.case_id) for p in result.problems] == [(4, "A")]
    assert "内容被修改" in result.problems[0].message


def test_edited_actor_is_named(register, url):
    fill(register)
    raw_sql(url, "UPDATE register_entries SET actor = '负责人' WHERE seq = 2")
    assert [(p.seq, p.case_id) for p in register.verify().problems] == [(2, "A")]


def test_edit_with_recomputed_hash_breaks_the_next_link(register, url):
    fill(register)
    # A careful forger recomputes the edited row's own hash; the next row
    # still points at the old one.
    edited = '{"结果":"不予受理"}'
    row = next(e for e in register.entries() if e.seq == 2)
    material = json.dumps([2, "A", "intake_notice", edited, "法制科",
                           row.recorded_at.isoformat(timespec="microseconds"), row.prev_hash],
                          ensure_ascii=False, separators=(",", ":"))
    forged = hashlib.sha256(material.encode("utf-8")).hexdigest()
    raw_sql(url, f"UPDATE register_entries SET payload = '{edited}', hash = '{forged}' WHERE seq = 2")
    problems = register.verify().problems
    assert [(p.seq, p.case_id) for p in problems] == [(3, "B")]
    assert "第 2 号" in problems[0].message


def test_deleted_entry_is_named(register, url):
    fill(register)
    raw_sql(url, "DELETE FROM register_entries WHERE seq = 3")
    problems = register.verify().problems
    assert [p.seq for p in problems] == [3]
    assert "缺失" in problems[0].message and "删除" in problems[0].message


def test_deleted_case_is_detected(register, url):
    fill(register)
    raw_sql(url, "DELETE FROM register_entries WHERE case_id = 'A'")  # seq 1, 2 and 4
    problems = register.verify().problems
    assert [p.seq for p in problems] == [1, 4]
    assert "第 1 至 2 号记录缺失" in problems[0].message
    assert "缺失" in problems[1].message


def test_deleted_first_entry_is_detected(register, url):
    fill(register)
    raw_sql(url, "DELETE FROM register_entries WHERE seq = 1")
    problems = register.verify().problems
    assert [p.seq for p in problems] == [1]


def test_swapped_entries_are_named_as_moved(register, url):
    fill(register)
    raw_sql(url,
            "UPDATE register_entries SET seq = 100 WHERE seq = 2",
            "UPDATE register_entries SET seq = 2 WHERE seq = 4",
            "UPDATE register_entries SET seq = 4 WHERE seq = 100")
    problems = register.verify().problems
    assert [(p.seq, p.case_id) for p in problems] == [(2, "A"), (4, "A")]
    assert "原为第 4 号" in problems[0].message
    assert "原为第 2 号" in problems[1].message


def test_the_library_never_updates_or_deletes():
    # Append-only is a property of the code: no UPDATE or DELETE statement.
    import review.register as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    for verb in (".update(", ".delete(", "UPDATE ", "DELETE "):
        assert verb not in source


# ------------------------------------------------------------ transactions

def test_exception_inside_case_writes_nothing(register):
    fill(register)
    with pytest.raises(RuntimeError):
        with register.case("C") as tx:
            tx.append("submitted", {"n": 1})
            tx.append("intake_notice", {"n": 2})
            assert len(tx.history()) == 2  # visible inside the transaction
            raise RuntimeError("the flow rejected the transition")
    assert register.history("C") == []
    assert register.case_ids() == ["A", "B"]
    # No gap either: the next entry takes seq 6.
    assert register.append("C", "submitted", {}).seq == 6
    assert register.verify().ok


def test_nested_calls_join_the_open_transaction(register):
    with register.case("A") as tx:
        tx.append("submitted", {})
        register.append("A", "intake_notice", {})  # joins, does not wait on its own lock
        assert [e.kind for e in register.history("A")] == ["submitted", "intake_notice"]
    assert [e.seq for e in register.history("A")] == [1, 2]


def test_an_exception_in_a_nested_block_undoes_only_that_block(register):
    with register.case("A") as tx:
        tx.append("submitted", {})
        with pytest.raises(ValueError):
            with register.case("B") as inner:
                inner.append("submitted", {})
                raise ValueError("inner transition refused")
        tx.append("intake_notice", {})
    assert [(e.seq, e.case_id, e.kind) for e in register.entries()] == [
        (1, "A", "submitted"), (2, "A", "intake_notice")]
    assert register.verify().ok


def _crash_inside_case(url: str) -> None:
    reg = Register(url)
    with reg.case("CRASH") as tx:
        tx.append("submitted", {"n": 1})
        os._exit(3)  # the process dies mid-transaction: no commit, no rollback


def test_crash_in_the_middle_of_writing_leaves_the_register_consistent(register, url):
    fill(register)
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_crash_inside_case, args=(url,))
    child.start()
    child.join()
    assert child.exitcode == 3
    assert register.history("CRASH") == []
    # The dead writer's lock is gone: the next write succeeds and continues the chain.
    assert register.append("A", "decided", {}).seq == 6
    assert register.verify().ok


def _append_many(url: str, worker: int, start, count: int) -> None:
    reg = Register(url)
    start.wait()
    for i in range(count):
        # Read-validate-append in one transaction: the position each worker
        # reads must be unique if the lock holds.
        with reg.case("SHARED") as tx:
            position = len(tx.history())
            tx.append("negotiation", {"worker": worker, "i": i, "position": position})
    reg.dispose()


def test_two_processes_appending_at_once(register, url):
    register.append("SHARED", "submitted", {})  # schema exists, one entry before the race
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_append_many, args=(url, w, start, CONCURRENT_APPENDS)) for w in (1, 2)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0]
    entries = list(register.entries())
    assert len(entries) == 1 + 2 * CONCURRENT_APPENDS
    assert [e.seq for e in entries] == list(range(1, 2 + 2 * CONCURRENT_APPENDS))
    assert register.verify().ok
    appended = entries[1:]
    # Each worker's own entries in its own order; each read position seen once.
    for w in (1, 2):
        assert [e.payload["i"] for e in appended if e.payload["worker"] == w] == list(range(CONCURRENT_APPENDS))
    assert sorted(e.payload["position"] for e in appended) == list(range(1, 1 + 2 * CONCURRENT_APPENDS))


def _first_use(url: str, start) -> None:
    start.wait()
    Register(url).append("FIRST", "submitted", {})


def test_two_processes_creating_the_schema_at_once(url):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_first_use, args=(url, start)) for _ in range(2)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0]
    reg = Register(url)
    assert [e.seq for e in reg.history("FIRST")] == [1, 2] and reg.verify().ok
    reg.dispose()


# ------------------------------------------------------------ where the register lives

def test_default_url_is_a_file_in_the_cwd_and_env_overrides_it(tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEW_REGISTER", raising=False)
    monkeypatch.chdir(tmp_path)
    reg = Register()
    reg.append("A", "submitted", {})
    reg.dispose()
    assert (tmp_path / "review-register.sqlite").is_file()
    other = tmp_path / "elsewhere.sqlite"
    monkeypatch.setenv("REVIEW_REGISTER", f"sqlite:///{other}")
    reg = Register()
    reg.append("B", "submitted", {})
    assert reg.case_ids() == ["B"]
    reg.dispose()


def test_unusable_urls_are_chinese_errors(tmp_path):
    with pytest.raises(RegisterError, match="只支持 SQLite 与 PostgreSQL"):
        Register("mysql://x@localhost/db")
    with pytest.raises(RegisterError, match="目录不存在"):
        Register(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.sqlite'}")


# ------------------------------------------------------------ command line

@pytest.fixture
def sqlite_register(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    reg = Register(url)
    fill(reg)
    reg.dispose()
    return url


def test_cli_verify_intact(sqlite_register, capsys):
    assert main(["register", "verify", "--db", sqlite_register]) == 0
    out = capsys.readouterr().out
    assert "登记簿完整" in out and "共 5 条记录" in out


def test_cli_verify_tampered(sqlite_register, capsys):
    raw_sql(sqlite_register,
            """UPDATE register_entries SET payload = '{"结论":"同意"}' WHERE seq = 4""",
            "DELETE FROM register_entries WHERE seq = 3")
    assert main(["register", "verify", "--db", sqlite_register]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("第 3 号记录") and "缺失" in lines[0]
    assert lines[1].startswith("第 4 号记录（案件 A）") and "内容被修改" in lines[1]
    assert "发现 2 处问题" in lines[-1]


def test_cli_verify_json(sqlite_register, capsys):
    raw_sql(sqlite_register, "DELETE FROM register_entries WHERE seq = 2")
    assert main(["register", "verify", "--db", sqlite_register, "--format", "json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert body["ok"] is False
    assert [(p["seq"], p["case_id"]) for p in body["problems"]] == [(2, None)]


def test_cli_verify_reads_the_env(sqlite_register, capsys, monkeypatch):
    monkeypatch.setenv("REVIEW_REGISTER", sqlite_register)
    assert main(["register", "verify"]) == 0


def test_cli_show_text(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    reg = Register(url)
    with reg.case("2025-罚-7") as tx:
        tx.append("submitted", {"拟处罚款": 50000}, actor="承办机构",
                  at=datetime(2025, 3, 1, 0, 30, tzinfo=timezone.utc))
        tx.append("opinion", {"结论": "修改", "理由": ["未告知听证权利", "证据不足"], "集体讨论": False},
                  actor="法制科", at=datetime(2025, 3, 5, 16, 0, tzinfo=timezone.utc))
    reg.dispose()
    assert main(["register", "show", "2025-罚-7", "--db", url]) == 0
    out = capsys.readouterr().out
    # Beijing time is UTC+8: 00:30Z is 08:30, 16:00Z is midnight of the next day.
    assert "2025-03-01 08:30:00  送审  经办人：承办机构" in out
    assert "拟处罚款：50000" in out
    assert "2025-03-06 00:00:00  审核意见  经办人：法制科" in out
    assert "结论：修改" in out
    assert "理由：未告知听证权利、证据不足" in out and "集体讨论：否" in out


def test_cli_show_json(sqlite_register, capsys):
    assert main(["register", "show", "B", "--db", sqlite_register, "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert [e["seq"] for e in body["entries"]] == [3, 5]
    assert body["entries"][1]["payload"] == {"结果": "补正"}


def test_cli_bad_input_exits_2(sqlite_register, tmp_path, capsys):
    assert main(["register", "show", "Z", "--db", sqlite_register]) == 2
    assert "登记簿中没有案件 Z" in capsys.readouterr().err
    missing = tmp_path / "missing.sqlite"
    assert main(["register", "verify", "--db", f"sqlite:///{missing}"]) == 2
    assert "登记簿文件不存在" in capsys.readouterr().err
    assert not missing.exists()  # reading never creates an empty register


# ------------------------------------------------------------ hardening

def test_cut_off_tail_is_found_with_an_anchor(register, url):
    fill(register)
    head = register.verify()
    raw_sql(url, "DELETE FROM register_entries WHERE seq >= 4")
    # The chain alone cannot see its last entries cut off ...
    assert register.verify().ok
    # ... the head noted before can.
    problems = register.verify((head.head_seq, head.head_hash)).problems
    assert [(p.seq, p.case_id) for p in problems] == [(5, None)]
    assert "末尾" in problems[0].message


def test_anchor_whose_hash_changed(register, url):
    fill(register)
    head = register.verify()
    raw_sql(url, "UPDATE register_entries SET hash = 'x' WHERE seq = 5")
    problems = register.verify((head.head_seq, head.head_hash)).problems
    assert [p.seq for p in problems] == [5, 5]  # its own hash, and the anchor
    assert "锚点" in problems[1].message


def test_deleted_and_renumbered_entries_are_named(register, url):
    fill(register)
    raw_sql(url, "DELETE FROM register_entries WHERE seq = 3",
            "UPDATE register_entries SET seq = seq - 1 WHERE seq > 3")
    problems = register.verify().problems
    assert [(p.seq, p.case_id) for p in problems] == [(3, "A"), (4, "B")]
    assert "原为第 4 号" in problems[0].message and "原为第 5 号" in problems[1].message


def test_values_too_long_for_the_columns_are_refused(register):
    with pytest.raises(RegisterError, match="case_id 过长"):
        register.append("x" * 201, "submitted", {})
    with pytest.raises(RegisterError, match="actor 过长"):
        register.append("A", "submitted", {}, actor="y" * 201)
    assert register.verify().count == 0


def test_a_busy_register_is_a_chinese_error(tmp_path, monkeypatch):
    import sqlite3

    import review.register as module

    path = tmp_path / "busy.sqlite"
    Register(f"sqlite:///{path}").append("A", "submitted", {})
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    monkeypatch.setattr(module, "BUSY_TIMEOUT_SECONDS", 0)  # give up at once instead of waiting
    reg = Register(f"sqlite:///{path}")
    try:
        with pytest.raises(RegisterError, match="登记簿正忙"):
            reg.append("A", "opinion", {})
        assert [e.seq for e in reg.history("A")] == [1]  # readers are not blocked (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        reg.dispose()


def test_in_memory_register_works_within_one_thread():
    reg = Register("sqlite:///:memory:")
    reg.append("A", "submitted", {})
    with reg.case("A") as tx:
        assert [e.kind for e in tx.history()] == ["submitted"]
        tx.append("opinion", {})
    assert reg.verify().ok and reg.verify().count == 2


def test_cli_anchor_finds_a_cut_off_tail(sqlite_register, capsys):
    assert main(["register", "verify", "--db", sqlite_register]) == 0
    anchor = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("最后一条："))
    anchor = anchor.removeprefix("最后一条：")
    assert anchor.startswith("5:")
    raw_sql(sqlite_register, "DELETE FROM register_entries WHERE seq = 5")
    assert main(["register", "verify", "--db", sqlite_register]) == 0
    capsys.readouterr()
    assert main(["register", "verify", "--db", sqlite_register, "--anchor", anchor]) == 1
    assert "第 5 号记录：留存的锚点记录已不存在" in capsys.readouterr().out
    assert main(["register", "verify", "--db", sqlite_register, "--anchor", "5:abc"]) == 2
    assert "--anchor 格式" in capsys.readouterr().err


def test_postgresql_url_without_driver_uses_psycopg_and_a_select_only_role_can_verify(postgres_server):
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    name = f"register_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        conn.execute(text("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'auditor') "
                          "THEN CREATE ROLE auditor LOGIN; END IF; END $$"))
    base = postgres_server.rsplit("/", 1)[0]
    try:
        writer = Register(base.replace("postgresql+psycopg://", "postgresql://") + f"/{name}")
        fill(writer)
        writer.dispose()
        raw_sql(base + f"/{name}", "GRANT SELECT ON register_entries TO auditor")
        reader = Register(base.replace("review@", "auditor@") + f"/{name}")
        assert reader.verify().ok and [e.seq for e in reader.history("B")] == [3, 5]
        with pytest.raises(RegisterError, match="登记未能写入"):
            reader.append("A", "decided", {})  # no INSERT privilege
        reader.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_threads_sharing_one_register(register):
    import threading

    def work(worker: int) -> None:
        for i in range(15):
            with register.case("T") as tx:
                position = len(tx.history())
                tx.append("negotiation", {"worker": worker, "position": position})

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    history = register.history("T")
    assert [e.seq for e in history] == list(range(1, 61))
    assert sorted(e.payload["position"] for e in history) == list(range(60))
    assert register.verify().ok


def test_every_kind_the_flow_writes_has_a_chinese_label():
    # `review register show` prints kind_label(kind); a kind without a label would print raw English.
    import inspect
    import re

    from review import flow
    from review.register import KIND_LABELS

    written = set(re.findall(r"(?:\btx\.append\(\s*|\b_hand_in\(tx,\s*|\bkind=)\"([a-z_]+)\"", inspect.getsource(flow)))
    assert {"submitted", "supplemented", "resubmitted", "opinion", "decided"} <= written
    assert sorted(written - set(KIND_LABELS)) == []


def test_cli_show_sums_up_a_flow_case_in_the_words_of_the_file(tmp_path, capsys):
    # The flow stores whole packets and review results; show names them, json keeps them whole.
    from datetime import date

    from review import flow

    from conftest import clean

    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    reg = Register(url)
    flow.submit(reg, clean(), on=date(2025, 4, 25))
    flow.issue_opinion(reg, "长市监罚〔2025〕101号", on=date(2025, 4, 28))
    reg.dispose()
    assert main(["register", "show", "长市监罚〔2025〕101号", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "案卷：《李某销售超过保质期食品案》（长市监罚〔2025〕101号）" in out
    assert "结论：同意" in out and "审核意见：同意，问题 0 项" in out and "日期：2025-04-28" in out
    assert "'agency'" not in out and "agency：" not in out
