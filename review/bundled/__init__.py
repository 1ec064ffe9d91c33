"""Data shipped with the library: rules, checklists and report templates (see review/resources.py)."""
