"""The front door: ``Copilot`` ties settings, store, retrieval, drafting, review and journal together.

The CLI and the side panel call only this class.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Sequence

from copilot.config import Settings
from copilot.knowledge import LoadIssue, load_knowledge
from copilot.retrieval import Mode, Retriever, SearchResult
from copilot.store import KnowledgeStore, SyncReport


@dataclass
class IndexReport:
    knowledge_dir: Path
    documents: int
    issues: list[LoadIssue]
    sync: SyncReport


class Copilot:
    """``Copilot()`` runs on the embedded defaults; keyword options override env and defaults.

    Options: ``store`` (dir), ``home``, ``chroma_url``, ``embedding_model``, ``model`` (litellm id),
    ``api_base``, ``api_key``, ``timeout``, ``knowledge_dir``, ``mask_personal_data``, ``journal_url``.
    """

    def __init__(self, **options: object) -> None:
        self.settings = Settings.from_env(**options)

    # -- knowledge --------------------------------------------------------
    @cached_property
    def store(self) -> KnowledgeStore:
        from copilot.embeddings import get_embedder

        s = self.settings
        embedder = get_embedder(s.embedding_model, api_base=s.api_base, api_key=s.api_key)
        return KnowledgeStore(s.store_dir, embedder, url=s.chroma_url)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store)

    def index(self, knowledge_dir: str | Path | None = None, *, rebuild: bool = False) -> IndexReport:
        """Sync the store with a knowledge folder (default: the configured or sample knowledge)."""
        root = Path(knowledge_dir) if knowledge_dir else self.settings.knowledge
        loaded = load_knowledge(root)
        report = self.store.sync(loaded, rebuild=rebuild)
        return IndexReport(root, len(loaded.documents), loaded.issues, report)

    def ensure_index(self) -> IndexReport | None:
        """Index the configured (or sample) knowledge when the store is empty; first-start helper."""
        try:
            if self.store.count() > 0:
                return None
        except Exception:
            pass
        return self.index()

    def search(self, query: str, k: int = 5, *, lang: str | None = None, audience: str | None = None,
               tags: Sequence[str] | None = None, mode: Mode = "hybrid") -> list[SearchResult]:
        """Best documents for ``query``, best first (hybrid dense + BM25 by default)."""
        return self.retriever.search(query, k, lang=lang, audience=audience, tags=tags, mode=mode)
