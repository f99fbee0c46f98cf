"""The front door: ``Copilot`` ties settings, store, retrieval, drafting, review and journal together.

The CLI and the side panel call only this class.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from copilot.config import Settings
from copilot.knowledge import LoadIssue, load_knowledge
from copilot.retrieval import Mode, Retriever, SearchResult
from copilot.store import KnowledgeStore, SyncReport

if TYPE_CHECKING:
    from copilot.case import Case
    from copilot.drafting import Draft, Drafter, DraftStream
    from copilot.journal import Journal
    from copilot.review import Review


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
        from copilot.errors import EmbeddingMismatchError, StoreError

        try:
            if self.store.count() > 0:
                return None
        except EmbeddingMismatchError:
            raise
        except StoreError:
            pass  # no index yet
        return self.index()

    def search(self, query: str, k: int = 5, *, lang: str | None = None, audience: str | None = None,
               tags: Sequence[str] | None = None, mode: Mode = "hybrid") -> list[SearchResult]:
        """Best documents for ``query``, best first (hybrid dense + BM25 by default)."""
        return self.retriever.search(query, k, lang=lang, audience=audience, tags=tags, mode=mode)

    # -- drafting ---------------------------------------------------------
    @cached_property
    def drafter(self) -> "Drafter":
        from copilot.drafting import Drafter

        return Drafter(self.settings, self.retriever)

    def draft(self, case: "Case | str") -> "Draft":
        """A grounded, editable draft for ``case`` (a Case or the customer's message)."""
        from copilot.case import Case

        return self.drafter.draft(Case.coerce(case))

    def stream_draft(self, case: "Case | str") -> "DraftStream":
        """Iterate for text pieces as they arrive; afterwards ``.draft`` holds the Draft."""
        from copilot.case import Case

        return self.drafter.stream(Case.coerce(case))

    def prefetch(self, case: "Case | str") -> None:
        """Do the slow part of the next draft of ``case`` now (its search's query embedding, cached):
        the side panel calls this when the customer's message is entered, before the draft click."""
        from copilot.case import Case

        self.drafter.prefetch(Case.coerce(case))

    def warm_up(self) -> None:
        """Load what the first draft and review would otherwise pay for: the corpus index and the
        embedding model (one search), the review's word data, and the configured model client."""
        from copilot.review import warm_up as warm_review

        self.ensure_index()
        self.search("paketti ei tullut", k=1)
        warm_review()
        _ = self.drafter.model

    # -- review -----------------------------------------------------------
    def review(self, reply: str, case: "Case | str | None" = None, draft: "Draft | None" = None,
               knowledge: list[str] | None = None) -> "Review":
        """Deterministic review of a reply; the draft's sources are the knowledge it is checked against."""
        from copilot.review import review

        if knowledge is None and draft is not None:
            knowledge = [s.snippet for s in draft.sources]
        return review(reply, case, knowledge)

    def rewrite(self, text: str, case: "Case | str", style: str) -> str:
        """Rewrite the agent's text friendlier / shorter / more formal (needs a model)."""
        from copilot.case import Case
        from copilot.errors import ConfigError, UsageError
        from copilot.prompt import REWRITE_STYLES, rewrite_messages

        if style not in REWRITE_STYLES:
            raise UsageError(f"style {style!r} is not one of {sorted(REWRITE_STYLES)}")
        model = self.drafter.model
        if model is None:
            raise ConfigError("rewriting needs a model: set COPILOT_MODEL (e.g. openai/gpt-4o-mini) or pass model=")
        case = Case.coerce(case)
        masker = self.drafter.masker()
        m = masker.mask if masker else (lambda t: t)
        messages = rewrite_messages(m(text), m(case.message), style)
        out = model.complete(messages, timeout=self.settings.timeout)
        return masker.unmask(out) if masker else out

    def commitment_sentence(self, lang: str, now: datetime | None = None) -> str:
        """A follow-up promise with a concrete time, for the panel's quick action."""
        from copilot.composer import PHRASES, follow_up_time, when_phrase

        now = now or datetime.now()
        lang = lang if lang in PHRASES else "en"
        return PHRASES[lang]["followup"].format(when=when_phrase(follow_up_time(now), now, lang))

    # -- journal ----------------------------------------------------------
    @cached_property
    def journal(self) -> "Journal":
        from copilot.journal import Journal

        self.settings.home.mkdir(parents=True, exist_ok=True)
        return Journal(self.settings.journal)
