"""Fixtures of the Python package's tests: real articles, the `wasim` command to compare with.

The articles are the claims development set (NewsFANE news, in the repository under
crates/engine/tests/data/claims/dev) with its inline marks taken out. The command is
$WASIM_CLI, else the repository's target/debug or target/release build: scripts/test builds it
before these tests run. Results must equal the command's on the same text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[3]
DEV = REPO / "crates" / "engine" / "tests" / "data" / "claims" / "dev"


def plain(markup: str) -> str:
    """The text of a file in Wasim's fixture notation (see crates/engine/src/markup.rs): `{Wn
    name}` is not text; `{Sn `, `{Vn `, `{Cn `, `{Qn `, `[LABEL ` open a mark, `}` and `]` close
    it; `\\[` and the like write the character."""
    s = re.sub(r"\{W\d+ [^}]*\}", "", markup)
    s = re.sub(r"\{[SVCQ]\d+ |\[[A-Z]+ ", "", s)
    s = re.sub(r"(?<!\\)[\]}]", "", s)
    return re.sub(r"\\([\[\]{}\\])", r"\1", s)


@pytest.fixture(scope="session")
def articles() -> List[Tuple[str, str]]:
    """(name, text) of 40 real news articles."""
    files = sorted(DEV.glob("*.txt"))[:40]
    assert len(files) == 40, f"the claims development set is missing from {DEV}"
    return [(f.stem, plain(f.read_text(encoding="utf-8"))) for f in files]


@pytest.fixture(scope="session")
def cli() -> str:
    given = os.environ.get("WASIM_CLI")
    if given:
        return given
    for build in ("debug", "release"):
        p = REPO / "target" / build / "wasim"
        if p.exists():
            return str(p)
    pytest.fail("no `wasim` command to compare with: run `cargo build -p wasim-cli` or set WASIM_CLI")


class Cli:
    def __init__(self, path: str) -> None:
        self.path = path

    def run(self, *args: str, input: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([self.path, *args], input=input, capture_output=True, timeout=120)

    def ok(self, *args: str, input: bytes = b"") -> bytes:
        r = self.run(*args, input=input)
        assert r.returncode == 0, r.stderr.decode()
        return r.stdout

    def error(self, *args: str, input: bytes = b"") -> str:
        """The message of a command that fails on its input (exit code 1), without `wasim: `."""
        r = self.run(*args, input=input)
        assert r.returncode == 1, (r.returncode, r.stdout[:200], r.stderr)
        msg = r.stderr.decode().strip()
        assert msg.startswith("wasim: "), msg
        return msg[len("wasim: "):]

    def json(self, *args: str, input: bytes = b"") -> object:
        return json.loads(self.ok(*args, input=input))


@pytest.fixture(scope="session")
def wasim_cli(cli: str) -> Cli:
    return Cli(cli)
