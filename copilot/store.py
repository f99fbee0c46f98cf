"""The knowledge store: one Chroma collection of chunks, synced incrementally from a folder.

Embedded by default (``chromadb.PersistentClient`` in the store dir); a Chroma server when a
URL is configured. The collection records the embedding model; opening it with another
model is refused (``--rebuild`` starts over). Embedded Chroma is not process-safe, so every
write holds a file lock in the store dir.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import copilot._offline  # noqa: F401  (telemetry off before chromadb loads)
from filelock import FileLock, Timeout

from copilot.chunking import chunk_document
from copilot.embeddings import Embedder
from copilot.errors import ConfigError, EmbeddingMismatchError, StoreBusyError, StoreError
from copilot.knowledge import Document, LoadResult

COLLECTION = "knowledge"
INDEX_VERSION = 2  # bump when chunking or chunk metadata change: forces a re-embed
ADD_BATCH = 128
LOCK_TIMEOUT = 120.0


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept_on_error: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _client(store_dir: Path, url: str | None):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise ConfigError(f"Chroma URL {url!r} has no host; use e.g. http://127.0.0.1:8000")
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        try:
            return chromadb.HttpClient(host=parsed.hostname, port=port, ssl=parsed.scheme == "https",
                                       settings=settings)
        except Exception as exc:
            raise StoreError(f"cannot reach the Chroma server at {url} ({exc}); is `chroma run` up?") from exc
    store_dir.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(store_dir), settings=settings)
    except Exception as exc:
        raise StoreError(f"cannot open the store at {store_dir} ({exc}); "
                         "check the path or rebuild with `copilot index --rebuild`") from exc


class KnowledgeStore:
    """Chunks, vectors and metadata of one knowledge folder."""

    def __init__(self, store_dir: Path, embedder: Embedder, *, url: str | None = None) -> None:
        self.store_dir = Path(store_dir)
        self.url = url
        self.embedder = embedder
        self._collection = None
        lock = self._lock()
        if lock is None:
            self._client = _client(self.store_dir, url)
        else:  # two processes creating a new embedded store at once race on its schema
            with self._locked(lock):
                self._client = _client(self.store_dir, url)

    # -- collection -------------------------------------------------------
    def _meta(self) -> dict[str, Any]:
        return {"embedding_model": self.embedder.model_id, "index_version": INDEX_VERSION, "revision": 0}

    def collection(self, *, create: bool = False):
        if self._collection is not None:
            return self._collection
        try:
            if create:
                col = self._client.get_or_create_collection(
                    COLLECTION, metadata=self._meta(), embedding_function=None,
                    configuration={"hnsw": {"space": "cosine"}},
                )
            else:
                col = self._client.get_collection(COLLECTION, embedding_function=None)
        except Exception as exc:
            if not create and "does not exist" in str(exc).lower():
                raise StoreError(
                    f"the store at {self.where} has no index yet; run `copilot index` first"
                ) from None
            raise StoreError(f"cannot open the knowledge collection at {self.where}: {exc}") from exc
        self._check_model(col)
        self._collection = col
        return col

    @property
    def where(self) -> str:
        return self.url or str(self.store_dir)

    def _check_model(self, col) -> None:
        meta = col.metadata or {}
        built_with = meta.get("embedding_model")
        if built_with and built_with != self.embedder.model_id:
            raise EmbeddingMismatchError(
                f"the store at {self.where} was built with embedding model {built_with!r}, "
                f"not {self.embedder.model_id!r}; run `copilot index --rebuild` to re-embed "
                "(vectors from different models are never mixed)"
            )

    def revision(self) -> tuple[int, int]:
        """Changes whenever a sync changed anything (used to refresh lexical indexes)."""
        self.collection()  # raises the clear errors (no index yet, other model)
        fresh = self._client.get_collection(COLLECTION, embedding_function=None)  # another process may have synced
        return int((fresh.metadata or {}).get("revision", 0)), fresh.count()

    def count(self) -> int:
        return self.collection().count()

    # -- writing ----------------------------------------------------------
    def _lock(self) -> FileLock | None:
        if self.url:
            return None  # the server serialises writes itself
        self.store_dir.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.store_dir / ".copilot-write.lock"), timeout=LOCK_TIMEOUT)

    def sync(self, loaded: LoadResult, *, rebuild: bool = False) -> SyncReport:
        """Make the collection match ``loaded``: embed only new or changed files, drop deleted ones.

        Files that failed to load keep their previous chunks (nothing saved is lost)."""
        lock = self._lock()
        if lock is None:
            return self._sync_locked(loaded, rebuild=rebuild)
        with self._locked(lock):
            return self._sync_locked(loaded, rebuild=rebuild)

    @staticmethod
    @contextmanager
    def _locked(lock: FileLock) -> Iterator[None]:
        try:
            lock.acquire()
        except Timeout:
            raise StoreBusyError(
                f"another `copilot index` holds {lock.lock_file}; wait for it to finish and run again"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _sync_locked(self, loaded: LoadResult, *, rebuild: bool) -> SyncReport:
        start = time.perf_counter()
        report = SyncReport()
        if rebuild:
            try:
                self._client.delete_collection(COLLECTION)
            except Exception:
                pass  # nothing to delete
            self._collection = None
        col = self.collection(create=True)
        existing = self._existing(col)
        broken_sources = {issue.source for issue in loaded.issues}
        current = {doc.id: doc for doc in loaded.documents}

        for doc_id, (doc_hash, source, chunk_ids) in existing.items():
            if doc_id in current:
                continue
            if source in broken_sources:
                report.kept_on_error.append(doc_id)
                continue
            col.delete(ids=chunk_ids)
            report.removed.append(doc_id)

        to_embed: list[Document] = []
        for doc in loaded.documents:
            old = existing.get(doc.id)
            if old and old[0] == f"{doc.content_hash}@{INDEX_VERSION}":
                report.unchanged += 1
                continue
            if old:
                col.delete(ids=old[2])
                report.updated.append(doc.id)
            else:
                report.added.append(doc.id)
            to_embed.append(doc)
        report.chunks_embedded = self._embed_and_add(col, to_embed)
        if report.changed:
            meta = dict(col.metadata or {})
            meta["revision"] = int(meta.get("revision", 0)) + 1
            meta.pop("hnsw:space", None)
            col.modify(metadata=meta)
        report.seconds = time.perf_counter() - start
        return report

    @staticmethod
    def _existing(col) -> dict[str, tuple[str, str, list[str]]]:
        got = col.get(include=["metadatas"])
        out: dict[str, tuple[str, str, list[str]]] = {}
        for cid, meta in zip(got["ids"], got["metadatas"] or []):
            meta = meta or {}
            doc_id = str(meta.get("doc_id", cid.split("::")[0]))
            version_hash = f'{meta.get("doc_hash", "")}@{meta.get("v", 0)}'
            entry = out.setdefault(doc_id, (version_hash, str(meta.get("source", "")), []))
            entry[2].append(cid)
        return out

    def _embed_and_add(self, col, docs: list[Document]) -> int:
        rows = [(doc, chunk) for doc in docs for chunk in chunk_document(doc)]
        for start in range(0, len(rows), ADD_BATCH):
            batch = rows[start : start + ADD_BATCH]
            vectors = self.embedder.embed_documents([chunk.embed_text for _, chunk in batch])
            col.add(
                ids=[chunk.id for _, chunk in batch],
                embeddings=[v.tolist() for v in vectors],
                documents=[chunk.embed_text for _, chunk in batch],
                metadatas=[_chunk_meta(doc, chunk) for doc, chunk in batch],
            )
        return len(rows)

    # -- reading ----------------------------------------------------------
    def all_chunks(self, *, embeddings: bool = False) -> tuple[list[str], list[str], list[dict[str, Any]], Any]:
        """(ids, texts, metadatas, embeddings or None) of every chunk."""
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        got = self.collection().get(include=include)
        vectors = got.get("embeddings") if embeddings else None
        return (list(got["ids"]), list(got["documents"] or []), [m or {} for m in got["metadatas"] or []],
                vectors)

    def query(self, vector, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first; ``n`` must not exceed the matching chunks."""
        if n < 1:
            return []
        res = self.collection().query(query_embeddings=[list(map(float, vector))], n_results=n,
                                      where=where or None, include=["distances"])
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0])]


def _chunk_meta(doc: Document, chunk) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "doc_hash": doc.content_hash,
        "title": doc.title,
        "source": doc.source,
        "lang": doc.lang,
        "audience": doc.audience,
        "tags": "|" + "|".join(doc.tags) + "|" if doc.tags else "",
        "chunk": chunk.index,
        "section": chunk.section,
        "text": chunk.text,
        "v": INDEX_VERSION,
    }
