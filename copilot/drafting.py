"""From a case to a draft: understand → retrieve → (mask) → model or offline composer → Draft.

Any model failure falls back to the offline composer with a visible warning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterator

from copilot.case import Case
from copilot.composer import compose
from copilot.config import Settings
from copilot.errors import CopilotError, ModelError
from copilot.privacy import PiiMasker
from copilot.prompt import PromptSource, build_messages
from copilot.retrieval import Retriever, SearchResult
from copilot.specifics import Specific
from copilot.understanding import CaseFacts, understand

log = logging.getLogger(__name__)
OFFLINE_MODEL = "offline-composer"
SOURCES_K = 3
# Retrieval is "sure" when the best document's language-centred dense similarity reaches
# SURE_SIMILARITY, or when the dense and the lexical channel both rank it first. On
# evals/retrieval/queries.jsonl that keeps 90% of correct top hits and 20% of 15 off-topic
# messages (similarity alone: 85% / 20%). See BENCHMARKS.md.
SURE_SIMILARITY = 0.045


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    snippet: str
    source: str
    score: float
    lang: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "snippet": self.snippet, "source": self.source,
                "score": round(self.score, 4)}


@dataclass
class Draft:
    text: str
    lang: str
    sources: list[Source]
    specifics: list[Specific]
    model: str
    warnings: list[str] = field(default_factory=list)
    history_summary: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's --json shape."""
        return {
            "reply": self.text,
            "lang": self.lang,
            "sources": [{"id": s.id, "title": s.title} for s in self.sources],
            "model": self.model,
            "warnings": list(self.warnings),
            "specifics": [{"kind": s.kind, "value": s.value, "source": s.source} for s in self.specifics],
        }


@dataclass(frozen=True)
class Prepared:
    case: Case
    facts: CaseFacts
    results: list[SearchResult]
    unsure: bool
    now: datetime


class DraftStream:
    """Iterate for text pieces; afterwards ``.draft`` holds the final Draft.

    ``produce`` is a generator function that yields the pieces and sets ``stream.draft``."""

    def __init__(self, produce: Callable[["DraftStream"], Iterator[str]]) -> None:
        self.draft: Draft | None = None
        self._pieces = produce(self)

    def __iter__(self) -> Iterator[str]:
        yield from self._pieces


class Drafter:
    def __init__(self, settings: Settings, retriever: Retriever, model=None) -> None:
        self.settings = settings
        self.retriever = retriever
        self._model = model

    @property
    def model(self):
        if self._model is None and self.settings.model:
            from copilot.models import get_model

            s = self.settings
            self._model = get_model(s.model, api_base=s.api_base, api_key=s.api_key, timeout=s.timeout,
                                    max_retries=s.max_retries)
        return self._model

    # -- steps ------------------------------------------------------------
    def prepare(self, case: Case) -> Prepared:
        facts = understand(case)
        results = self.retriever.search(search_query(case), SOURCES_K)
        unsure = not results or not _sure(results[0])
        return Prepared(case, facts, results, unsure, case.now or datetime.now())

    def prefetch(self, case: Case) -> None:
        """Run the case's search now: its query embedding (the slow part of ``prepare``) is cached."""
        self.retriever.search(search_query(case), SOURCES_K)

    def offline(self, prep: Prepared, warnings: list[str]) -> Draft:
        best = prep.results[0] if prep.results and not prep.unsure else None
        sections = self.retriever.document_sections(best.id) if best else []
        comp = compose(lang=prep.facts.lang, name=prep.facts.customer_name, specifics=prep.facts.specifics,
                       topic=best.title if best else None, instruction_lang=best.lang if best else None,
                       sections=sections, unsure=prep.unsure, now=prep.now, agent_name=prep.case.agent_name,
                       message=prep.case.all_customer_text(), brand=prep.case.brand)
        warnings = list(warnings)
        if prep.unsure:
            warnings.append("no instruction matched well — the draft promises to find out and get back")
        elif comp.unsure:
            warnings.append(f"the best instruction is in another language ({best.lang}); "
                            "the offline draft promises to find out — configure a model for a full answer")
        return self._draft(prep, comp.text, OFFLINE_MODEL, warnings)

    def _draft(self, prep: Prepared, text: str, model: str, warnings: list[str]) -> Draft:
        sources = [Source(r.id, r.title, r.text[:400], r.source, r.score, r.lang) for r in prep.results]
        return Draft(text=text, lang=prep.facts.lang, sources=sources, specifics=list(prep.facts.specifics),
                     model=model, warnings=warnings, history_summary=list(prep.facts.history_summary))

    def masker(self) -> PiiMasker | None:
        from copilot.models import is_remote

        mask = self.settings.mask_personal_data
        if mask is None:
            mask = bool(self.settings.model) and is_remote(self.settings.model, self.settings.api_base)
        return PiiMasker() if mask else None

    def messages(self, prep: Prepared, masker: PiiMasker | None) -> list[dict[str, str]]:
        m = masker.mask if masker else (lambda t: t)
        sources = [PromptSource(r.id, r.title, m(self._full_text(r))) for r in prep.results]
        return build_messages(
            lang=prep.facts.lang, message=m(prep.case.message),
            history_lines=[m(line) for line in prep.facts.history_summary],
            specifics_lines=[m(f"{s.kind}: {s.value}") for s in prep.facts.specifics],
            sources=sources, agent_name=prep.case.agent_name, channel=prep.case.channel,
            customer_name=m(prep.facts.customer_name) if prep.facts.customer_name else None,
        )

    def _full_text(self, result: SearchResult) -> str:
        return self.retriever.document_text(result.id) or result.text

    # -- entry points -----------------------------------------------------
    def draft(self, case: Case) -> Draft:
        stream = self.stream(case)
        for _ in stream:
            pass
        assert stream.draft is not None
        return stream.draft

    def stream(self, case: Case) -> DraftStream:
        prep = self.prepare(case)
        return DraftStream(lambda stream: self._pieces(prep, stream))

    def _pieces(self, prep: Prepared, holder: DraftStream) -> Iterator[str]:
        model = self.model
        if model is None:
            holder.draft = self.offline(prep, [])
            yield from _words(holder.draft.text)
            return
        masker = self.masker()
        got: list[str] = []
        try:
            for piece in model.stream(self.messages(prep, masker), timeout=self.settings.timeout):
                got.append(masker.unmask(piece) if masker else piece)
                yield got[-1]
            text = "".join(got).strip()
            if masker:
                text = masker.unmask(text)
            if not text:
                raise ModelError(f"model {model.model_id!r} returned an empty reply")
            warnings = [] if not prep.unsure else ["no instruction matched well — check the draft promises to find out"]
            holder.draft = self._draft(prep, text, model.model_id, warnings)
        except CopilotError as exc:
            log.warning("model failed, using the offline composer: %s", exc)
            holder.draft = self.offline(prep, [f"fallback draft: {exc}"])
            if not got:
                yield from _words(holder.draft.text)


def search_query(case: Case) -> str:
    """What a draft searches with: the latest message, then up to two earlier customer turns,
    newest first (the dense channel reads only the query's first words, see retrieval.py)."""
    earlier = [m.text for m in case.history if m.role == "customer"][-2:]
    return "\n".join([case.message, *reversed(earlier)])


def _sure(best: SearchResult) -> bool:
    return best.similarity >= SURE_SIMILARITY or {"dense", "lexical"} <= set(best.top_in)


def _words(text: str) -> Iterator[str]:
    start = 0
    for i, ch in enumerate(text):
        if ch == " ":
            yield text[start : i + 1]
            start = i + 1
    if start < len(text):
        yield text[start:]
