"""The one place that finds the shipped rules, checklists and report templates.

They sit at the top of the repository for the people who edit them and ship
inside the installed package as `review.bundled.*` (see pyproject.toml), so a
non-editable `pip install .` still finds them. A caller may point at its own
copies instead (an agency's letterhead templates, a draft rule folder).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGES = {
    "rules": "review.bundled.rules",
    "checklists": "review.bundled.checklists",
    "reports": "review.bundled.reports",
}


_SOURCE_TREE = Path(__file__).resolve().parent.parent


def bundled(kind: str) -> Path:
    """Folder of the shipped `rules`, `checklists` or `reports`."""
    if (_SOURCE_TREE / kind).is_dir() and (_SOURCE_TREE / "pyproject.toml").is_file():
        # Running from a checkout (editable install, tests, `python -m review`):
        # the folders the authors edit are the ones in force.
        return _SOURCE_TREE / kind
    traversable = resources.files(_PACKAGES[kind])
    # A namespace package (no __init__.py) answers with a MultiplexedPath
    # whose first location is the folder itself.
    paths = getattr(traversable, "_paths", None)
    return Path(paths[0]) if paths else Path(str(traversable))


def folder(kind: str, override: str | Path | None = None) -> Path:
    return Path(override) if override is not None else bundled(kind)
