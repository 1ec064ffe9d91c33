"""A non-editable install carries rules/, checklists/ and reports/ inside the package.

`pip install --no-deps --target DIR .` builds a real
wheel (in an isolated build environment: .venv has no `wheel` package) and
installs it; the runtime dependencies are borrowed from
this venv's site-packages *after* DIR on the path, so `import review` finds
the installed copy, never the checkout. The check runs from a folder outside
the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import review
from review.resources import bundled
result = review.check(review.load_packet(sys.argv[1]))
print(json.dumps({
    "module": review.__file__,
    "rules": str(bundled("rules")),
    "checklists": str(bundled("checklists")),
    "reports": str(bundled("reports")),
    "outcome": result.outcome,
    "fired": result.fired(),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-cache-dir", "--target", str(target), str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path_factory.getbasetemp(),
    )
    assert build.returncode == 0, build.stderr[-2000:]
    return target


def test_installed_copy_checks_a_packet_from_outside_the_repo(installed, tmp_path):
    packet = tmp_path / "packet.yaml"
    packet.write_text((ROOT / "tests/data/clean_penalty.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {"PYTHONPATH": f"{installed}:{sysconfig.get_paths()['purelib']}", "PATH": "/usr/bin:/bin",
           "PYTHONNOUSERSITE": "1"}
    run = subprocess.run([sys.executable, "-c", PROBE, str(packet)],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    assert Path(found["module"]).is_relative_to(installed)
    for kind in ("rules", "checklists", "reports"):
        where = Path(found[kind])
        assert where.is_relative_to(installed) and not where.is_relative_to(ROOT), (kind, where)
        assert any(where.iterdir()), f"{kind} is empty in the installed package"
    assert any(Path(found["rules"]).glob("*.yaml"))
    assert (Path(found["checklists"]) / "profiles" / "national.yaml").is_file()
    assert any(Path(found["reports"]).glob("*.j2"))
    # The clean packet is lawful: the installed rulebook finds nothing (tests/test_clean_baseline.py).
    assert found["outcome"] == "approve" and found["fired"] == []
