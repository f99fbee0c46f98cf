"""Shared fixtures. Network guard: pytest-socket (see pyproject addopts) refuses every
connection that is not to loopback; real model requests are refused by copilot.models' guard."""

from __future__ import annotations

import os

import pytest

os.environ["COPILOT_UNDER_TEST"] = "1"
os.environ.setdefault("OMP_NUM_THREADS", "2")


@pytest.fixture()
def home(tmp_path, monkeypatch):
    """A fresh COPILOT_HOME per test."""
    d = tmp_path / "home"
    d.mkdir()
    monkeypatch.setenv("COPILOT_HOME", str(d))
    for var in ("COPILOT_STORE", "COPILOT_CHROMA_URL", "COPILOT_MODEL", "COPILOT_EMBEDDING_MODEL",
                "COPILOT_KNOWLEDGE", "COPILOT_JOURNAL_URL", "COPILOT_API_BASE", "COPILOT_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    return d


@pytest.fixture(scope="session")
def sample_copilot(tmp_path_factory):
    """A Copilot whose store holds the sample knowledge, indexed once per test session."""
    from copilot import Copilot
    from copilot.config import sample_knowledge_dir

    root = tmp_path_factory.mktemp("sample")
    cp = Copilot(store=root / "store", home=root / "home")
    cp.index(sample_knowledge_dir())
    return cp
