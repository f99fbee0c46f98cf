"""Hybrid retrieval: dense (Chroma) + lexical BM25, fused by reciprocal rank, deduplicated to documents.

Dense channel. multilingual-e5 scores a query higher against passages in the query's own
language, whatever they say; an English question about a Finnish instruction loses to any
English text. We remove that language component by mean-centring: the score is
``(d - mean[lang(d)]) · (q - mean[lang(q)])``, where ``mean[L]`` is the mean vector of the
store's chunks in language L. Ranking within one language only needs ``d · (q - mean[lang(q)])``,
so Chroma is asked once per document language with the shifted query and the constant
``mean[L] · (q - mean[lang(q)])`` is subtracted afterwards: exact, and Chroma's index does the search.

Lexical channels (BM25 over the same chunks): Snowball stems (inflected forms) and character
4-grams of those stems (Finnish compounds, typos).

Fusion: a convex combination of the channel scores, each normalised per query (dense: min-max
over its candidates; BM25: divided by the best score). On the sample query set this beat
reciprocal rank fusion, which lets any English text with a shared word outrank the right Finnish
instruction for an English question (see BENCHMARKS.md). BM25 cannot match a chunk in another
language than the query, so for those chunks half their dense score stands in for the lexical
share. A document scores by its best chunk.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any, Literal, Sequence

import bm25s
import numpy as np

from copilot.errors import UsageError
from copilot.language import detect_language
from copilot.store import KnowledgeStore
from copilot.textnorm import char_ngrams, stems

Mode = Literal["hybrid", "dense", "lexical"]
MODES = ("hybrid", "dense", "lexical")
CANDIDATES = 40  # chunks taken from the dense channel before fusion
DENSE_WEIGHT = 0.55  # the lexical channels share the rest equally
# BM25 cannot see a document written in another language than the query: for such chunks the
# lexical share is filled with this fraction of their normalised dense score instead of 0.
LEXICAL_STAND_IN = 0.5
_STEM_LANGS = ("fi", "en", "sv")
MIN_CHUNKS_FOR_MEAN = 20  # fewer chunks in a language give a noisy mean: use the global one
# The dense channel embeds at most this many words of the query (BM25 reads the whole message):
# embedding costs ~0.7 ms per e5 token on 2 cores. 48 words lost cross-lingual hits on the long
# messages of evals/retrieval/case_queries.jsonl (see BENCHMARKS.md).
DENSE_QUERY_WORDS = 64


@dataclass(frozen=True)
class SearchResult:
    id: str  # document id
    title: str
    score: float  # fused score in 0..1, higher is better
    source: str
    text: str  # best-matching chunk of the document
    lang: str
    audience: str
    tags: tuple[str, ...]
    similarity: float  # language-centred dense similarity of the best chunk (0 when not dense-ranked)
    top_in: tuple[str, ...] = ()  # channels ("dense", "lexical") that rank this document first

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 6),
                "source": self.source, "text": self.text}


def _bm25(corpus: list[list[str]]) -> bm25s.BM25 | None:
    if not any(corpus):
        return None
    index = bm25s.BM25()
    index.index([doc or [""] for doc in corpus], show_progress=False)
    return index


class _CorpusIndex:
    """In-memory view of the store for one revision: BM25 channels and per-language means."""

    def __init__(self, ids: list[str], texts: list[str], metas: list[dict[str, Any]], vectors: Any) -> None:
        self.ids = ids
        self.metas = metas
        self.row = {cid: i for i, cid in enumerate(ids)}
        self.langs = np.array([m.get("lang") or "" for m in metas])
        self.doc_rows: dict[str, list[int]] = {}
        for i, m in enumerate(metas):
            self.doc_rows.setdefault(str(m.get("doc_id")), []).append(i)
        stem_docs = [stems(t, (m.get("lang") or "en",)) for t, m in zip(texts, metas)]
        self.stem_bm25 = _bm25(stem_docs)
        self.gram_bm25 = _bm25([char_ngrams(d) for d in stem_docs])
        self.means: dict[str, np.ndarray] = {}
        self.lang_counts: dict[str, int] = {}
        if vectors is not None and len(ids):
            matrix = np.asarray(vectors, dtype=np.float32)
            self.global_mean = matrix.mean(axis=0)
            for lang in sorted(set(self.langs.tolist())):
                rows = matrix[self.langs == lang]
                self.lang_counts[lang] = len(rows)
                self.means[lang] = rows.mean(axis=0) if len(rows) >= MIN_CHUNKS_FOR_MEAN else self.global_mean

    def lexical(self, query: str, mask: np.ndarray | None) -> list[np.ndarray]:
        """BM25 scores of every chunk, one array per lexical channel (stems, n-grams)."""
        q_stems = stems(query, _STEM_LANGS)
        out = []
        for index, tokens in ((self.stem_bm25, q_stems), (self.gram_bm25, char_ngrams(q_stems))):
            scores = index.get_scores(tokens) if index is not None and tokens else np.zeros(len(self.ids))
            out.append(np.where(mask, scores, 0.0) if mask is not None else np.asarray(scores))
        return out


def fuse(dense: dict[int, float], lexical: Sequence[np.ndarray], size: int,
         dense_weight: float = DENSE_WEIGHT, unseen: np.ndarray | None = None) -> np.ndarray:
    """Convex combination of per-query normalised channel scores, one value per chunk row.

    ``dense`` maps row → score for the dense candidates (others count as the lowest candidate);
    each lexical array is divided by its best score. With one channel missing, the other
    carries the whole weight. ``unseen`` marks chunks the lexical channels cannot match (another
    language than the query): their lexical share is ``LEXICAL_STAND_IN`` × their dense score, so
    an English question is not pulled to whatever English text shares a word with it."""
    fused = np.zeros(size)
    dense_norm = np.zeros(size)
    if dense:
        values = np.array(list(dense.values()))
        lo, hi = float(values.min()), float(values.max())
        span = hi - lo or 1.0
        dense_norm[np.fromiter(dense.keys(), dtype=int)] = (values - lo) / span
        fused += (dense_weight if lexical else 1.0) * dense_norm
    if lexical:
        share = (1.0 - dense_weight if dense else 1.0) / len(lexical)
        for scores in lexical:
            best = float(scores.max()) if len(scores) else 0.0
            normalised = scores / best if best > 0 else np.zeros(size)
            if unseen is not None and dense:
                normalised = np.where(unseen, LEXICAL_STAND_IN * dense_norm, normalised)
            fused += share * normalised
    return fused


class Retriever:
    """Searches one store; keeps the corpus index in memory and rebuilds it when the store changes."""

    def __init__(self, store: KnowledgeStore) -> None:
        self.store = store
        self._corpus: _CorpusIndex | None = None
        self._revision: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _index(self) -> _CorpusIndex:
        revision = self.store.revision()
        with self._lock:
            if self._corpus is None or revision != self._revision:
                self._corpus = _CorpusIndex(*self.store.all_chunks(embeddings=True))
                self._revision = revision
            return self._corpus

    def document_sections(self, doc_id: str) -> list[tuple[str, str]]:
        """(section heading, text) of every chunk of a document, in order."""
        corpus = self._index()
        metas = sorted((corpus.metas[i] for i in corpus.doc_rows.get(doc_id, ())), key=lambda m: int(m.get("chunk", 0)))
        return [(str(m.get("section", "")), str(m.get("text", ""))) for m in metas]

    def document_text(self, doc_id: str) -> str:
        """A document's text rebuilt from its chunks, with section headings ("" when unknown)."""
        return "\n\n".join(f"## {h}\n{t}" if h else t for h, t in self.document_sections(doc_id))

    def search(self, query: str, k: int = 5, *, lang: str | None = None, audience: str | None = None,
               tags: Sequence[str] | None = None, mode: Mode = "hybrid") -> list[SearchResult]:
        if not isinstance(query, str) or not query.strip():
            raise UsageError("the search text is empty; give the customer's message or a question")
        if mode not in MODES:
            raise UsageError(f"search mode {mode!r} is not one of {MODES}")
        if k < 1:
            raise UsageError(f"k must be at least 1 (got {k})")
        corpus = self._index()
        if not corpus.ids:
            return []
        mask = _filter_mask(corpus.metas, lang, audience, tags)
        if mask is not None and not mask.any():
            return []
        query_lang = detect_language(query)
        dense: dict[int, float] = {}
        if mode in ("hybrid", "dense"):
            dense = {corpus.row[cid]: s for cid, s in self._dense(query, query_lang, corpus, mask, lang, audience)}
        lexical = corpus.lexical(query, mask) if mode in ("hybrid", "lexical") else []
        unseen = corpus.langs != query_lang if dense and lexical else None
        fused = fuse(dense, lexical, len(corpus.ids), unseen=unseen)
        if mask is not None:
            fused = np.where(mask, fused, 0.0)
        leaders = {}
        if dense:
            leaders["dense"] = corpus.metas[max(dense, key=dense.get)].get("doc_id")
        if lexical and lexical[0].max() > 0:
            leaders["lexical"] = corpus.metas[int(np.argmax(lexical[0]))].get("doc_id")
        return _to_documents(fused, dense, corpus, k, leaders)

    def _dense(self, query: str, query_lang: str, corpus: _CorpusIndex, mask: np.ndarray | None,
               lang: str | None, audience: str | None) -> list[tuple[str, float]]:
        """Language-centred dense ranking of chunks: [(chunk id, score)], best first."""
        words = query.split()
        dense_query = " ".join(words[:DENSE_QUERY_WORDS]) if len(words) > DENSE_QUERY_WORDS else query
        vector = np.asarray(self.store.embedder.embed_query(dense_query), dtype=np.float32)
        q_mean = corpus.means.get(query_lang, corpus.global_mean)
        shifted = vector - q_mean
        norm = float(np.linalg.norm(shifted)) or 1.0
        fetch = CANDIDATES * 2 if mask is not None else CANDIDATES
        scored: list[tuple[str, float]] = []
        for doc_lang, mean in corpus.means.items():
            if lang and doc_lang != lang:
                continue
            offset = float(mean @ shifted)
            n = min(fetch, corpus.lang_counts[doc_lang]) if not audience else fetch
            for cid, cos in self.store.query(shifted, n, where=_where(doc_lang, audience)):
                if mask is None or mask[corpus.row[cid]]:
                    scored.append((cid, cos * norm - offset))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:CANDIDATES]


def _where(lang: str | None, audience: str | None) -> dict[str, Any] | None:
    clauses = [{key: value} for key, value in (("lang", lang), ("audience", audience)) if value]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _filter_mask(metas: list[dict[str, Any]], lang: str | None, audience: str | None,
                 tags: Sequence[str] | None) -> np.ndarray | None:
    if not (lang or audience or tags):
        return None
    wanted = [t.lower() for t in tags or ()]
    return np.array([
        (not lang or m.get("lang") == lang)
        and (not audience or m.get("audience") == audience)
        and all(f"|{t}|" in (m.get("tags") or "") for t in wanted)
        for m in metas
    ], dtype=bool)


def _to_documents(fused: np.ndarray, similarity: dict[int, float], corpus: _CorpusIndex,
                  k: int, leaders: dict[str, Any]) -> list[SearchResult]:
    best: dict[str, SearchResult] = {}
    for row in np.argsort(-fused, kind="stable"):
        score = float(fused[row])
        if score <= 0:
            break
        meta = corpus.metas[row]
        doc_id = str(meta.get("doc_id"))
        sim = similarity.get(int(row), 0.0)
        if doc_id in best:
            if sim > best[doc_id].similarity:
                best[doc_id] = replace(best[doc_id], similarity=sim)
            continue
        if len(best) >= k:
            continue
        best[doc_id] = SearchResult(
            id=doc_id, title=str(meta.get("title", doc_id)), score=score, source=str(meta.get("source", "")),
            text=str(meta.get("text", "")), lang=str(meta.get("lang", "")), audience=str(meta.get("audience", "")),
            tags=tuple(t for t in str(meta.get("tags", "")).split("|") if t), similarity=sim,
            top_in=tuple(channel for channel, leader in leaders.items() if leader == doc_id),
        )
    return list(best.values())
