"""The types: the stubs match the native module, and the package and a user's code type-check
strictly (mypy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def mypy(*args: str, cwd: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, env={**os.environ, "MYPY_CACHE_DIR": str(tmp / "cache")},
    )


def test_the_stubs_are_the_native_modules(tmp_path):
    r = mypy("mypy.stubtest", "wasim._wasim", cwd=tmp_path, tmp=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_package_and_its_users_type_check(tmp_path):
    r = mypy("mypy", "-p", "wasim", cwd=PACKAGE, tmp=tmp_path)  # pyproject.toml: strict
    assert r.returncode == 0, r.stdout + r.stderr
    use = tmp_path / "use.py"
    use.write_text(
        "import wasim\n"
        "doc: wasim.Document = wasim.annotate('نص')\n"
        "lines: list[str] = wasim.annotate_many(['نص'], as_json=True)\n"
        "docs: list[wasim.Document] = wasim.annotate_many(['نص'], jobs=2, model=wasim.Model())\n"
        "start: int = doc['entities'][0]['start']\n"
        "out = wasim.export(docs, 'brat')\n"
        "fmt: str = wasim.formats()[0]['id']\n"
        "taught: bytes = wasim.Model().taught_bytes()\n",
        encoding="utf-8",
    )
    r = mypy("mypy", "--strict", str(use), cwd=tmp_path, tmp=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    use.write_text("import wasim\nn: int = wasim.annotate('نص')['text']\n", encoding="utf-8")
    r = mypy("mypy", "--strict", str(use), cwd=tmp_path, tmp=tmp_path)
    assert r.returncode == 1 and 'Incompatible types in assignment (expression has type "str"' in r.stdout, r.stdout
