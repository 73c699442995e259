"""svcops never imports streamlit: every module under svcops/ imports without it, and no
file there has a streamlit import line (not even a lazy one inside a function).

Modules are found from the file tree on every run, so a module added or moved is covered
without editing this file.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Imports each named module in turn in one fresh interpreter and prints, as JSON, the
# modules whose import failed or pulled streamlit in. After a hit, streamlit is dropped
# from sys.modules so the next module that brings it in is caught as well.
_CHECK = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
found = {}
for name in sys.argv[2:]:
    try:
        importlib.import_module(name)
    except BaseException as exc:
        found[name] = f"import failed: {exc!r}"
        continue
    if "streamlit" in sys.modules:
        found[name] = "imports streamlit"
        for key in [k for k in sys.modules if k.partition(".")[0] == "streamlit"]:
            del sys.modules[key]
print(json.dumps(found))
"""


def modules(root: Path, package: str) -> list[str]:
    """Dotted names of every module and package under ``root / package``, from its files."""
    names = []
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def modules_pulling_streamlit(root: Path, names: list[str]) -> dict[str, str]:
    """``{module: problem}`` for the modules whose import fails or imports streamlit."""
    done = subprocess.run(
        [sys.executable, "-c", _CHECK, str(root), *names],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def streamlit_import_lines(path: Path) -> list[int]:
    """Line numbers of ``import streamlit``, ``from streamlit ...`` and
    ``importlib.import_module("streamlit...")`` / ``__import__("streamlit...")`` in one file."""

    def is_streamlit(name: str | None) -> bool:
        return (name or "").partition(".")[0] == "streamlit"

    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            hit = any(is_streamlit(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            hit = node.level == 0 and is_streamlit(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            hit = (
                called in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and is_streamlit(first.value)
            )
        else:
            hit = False
        if hit:
            lines.append(node.lineno)
    return sorted(lines)


def test_modules_are_found_in_every_subpackage():
    found = modules(ROOT, "svcops")
    assert found[0] == "svcops"
    assert "svcops.charts" in found and "svcops.charts.theme" in found
    files = list((ROOT / "svcops").rglob("*.py"))
    assert len(found) == len(files) > 20


def test_no_svcops_module_imports_streamlit():
    assert modules_pulling_streamlit(ROOT, modules(ROOT, "svcops")) == {}


def test_no_svcops_file_has_a_streamlit_import_line():
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "svcops").rglob("*.py"))
        if (lines := streamlit_import_lines(path))
    }
    assert offenders == {}


# --------------------------------------------------------------- the guard itself can fail


@pytest.fixture
def offending_package(tmp_path):
    """A package ``fakepkg`` with a clean module, one importing a stand-in ``streamlit``
    at import time, one that imports it lazily, and one that does not import at all."""
    (tmp_path / "streamlit").mkdir()
    (tmp_path / "streamlit" / "__init__.py").write_text("")  # shadows the real one, fast
    (tmp_path / "streamlit" / "components.py").write_text("")
    pkg = tmp_path / "fakepkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""Mentions streamlit in text only."""\n')
    (pkg / "clean.py").write_text("import json  # not streamlit\nNAME = 'streamlit'\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "eager.py").write_text("import os, streamlit.components as c\n")
    (pkg / "sub" / "later.py").write_text("from fakepkg import clean\n")
    (pkg / "lazy.py").write_text(
        "import importlib\n\n\ndef draw():\n    from streamlit import components\n"
        "    return importlib.import_module('streamlit')\n"
    )
    (pkg / "broken.py").write_text("import no_such_module_here\n")
    return tmp_path


def test_guard_reports_each_module_that_imports_streamlit_or_fails(offending_package):
    names = modules(offending_package, "fakepkg")
    assert names == [
        "fakepkg",
        "fakepkg.broken",
        "fakepkg.clean",
        "fakepkg.lazy",
        "fakepkg.sub",
        "fakepkg.sub.eager",
        "fakepkg.sub.later",
    ]
    found = modules_pulling_streamlit(offending_package, names)
    assert set(found) == {"fakepkg.broken", "fakepkg.sub.eager"}
    assert found["fakepkg.sub.eager"] == "imports streamlit"
    assert "no_such_module_here" in found["fakepkg.broken"]


def test_static_check_finds_lazy_and_aliased_imports_but_not_text(offending_package):
    pkg = offending_package / "fakepkg"
    assert streamlit_import_lines(pkg / "sub" / "eager.py") == [1]
    assert streamlit_import_lines(pkg / "lazy.py") == [5, 6]
    assert streamlit_import_lines(pkg / "clean.py") == []
    assert streamlit_import_lines(pkg / "__init__.py") == []
