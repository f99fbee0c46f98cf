"""Retrieval benchmark: Recall@1/3/5, MRR and latency for hybrid vs dense-only vs BM25-only.

    python benchmarks/bench_retrieval.py                                  # sample knowledge + evals/retrieval/queries.jsonl
    python benchmarks/bench_retrieval.py --knowledge ../shared/external/abcd-guidelines \
        --queries evals/retrieval/abcd_queries.jsonl
    python benchmarks/bench_retrieval.py --scale 10000 --scale-dir /tmp/scale   # + 10,000 generated chunks (resumable)

Prints markdown tables (paste into BENCHMARKS.md). Uses a temp store; needs no network.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot import Copilot  # noqa: E402
from copilot.retrieval import MODES  # noqa: E402


def load_queries(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def evaluate(cp: Copilot, queries: list[dict], mode: str) -> dict[str, dict[str, float]]:
    cp.search(queries[0]["query"], 5, mode=mode)  # warm
    by_group: dict[str, list[tuple[int | None, float]]] = {}
    clear = getattr(cp.store.embedder, "clear_cache", lambda: None)
    for q in queries:
        clear()  # every query pays for its own embedding
        start = time.perf_counter()
        results = cp.search(q["query"], 10, mode=mode)
        ms = (time.perf_counter() - start) * 1000
        ids = [r.id for r in results]
        rank = next((i + 1 for i, d in enumerate(ids) if d in set(q["expected"])), None)
        for group in (q.get("group", "all"), "all"):
            by_group.setdefault(group, []).append((rank, ms))
    out = {}
    for group, rows in by_group.items():
        ranks = [r for r, _ in rows]
        lat = [ms for _, ms in rows]
        out[group] = {
            "n": len(rows),
            "R@1": sum(1 for r in ranks if r and r <= 1) / len(rows),
            "R@3": sum(1 for r in ranks if r and r <= 3) / len(rows),
            "R@5": sum(1 for r in ranks if r and r <= 5) / len(rows),
            "MRR": sum(1 / r for r in ranks if r) / len(rows),
            "p50": statistics.median(lat),
            "p95": pct(lat, 95),
        }
    return out


def print_quality(results: dict[str, dict[str, dict[str, float]]]) -> None:
    print("| group | mode | n | Recall@1 | Recall@3 | Recall@5 | MRR | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    groups = sorted({g for r in results.values() for g in r}, key=lambda g: (g == "all", g))
    for group in groups:
        for mode in MODES:
            m = results[mode].get(group)
            if m:
                print(f"| {group} | {mode} | {m['n']} | {m['R@1']:.3f} | {m['R@3']:.3f} | {m['R@5']:.3f} | "
                      f"{m['MRR']:.3f} | {m['p50']:.1f} | {m['p95']:.1f} |")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reindex_one_change(cp: Copilot, knowledge: Path, work: Path) -> float:
    copy = work / "kb-copy"
    shutil.copytree(knowledge, copy)
    cp.index(copy)
    victim = sorted(p for p in copy.rglob("*.md") if not p.name.lower().startswith("readme"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n\nLisäys: päivitetty ohje.\n", encoding="utf-8")
    start = time.perf_counter()
    report = cp.index(copy)
    assert report.sync.updated, "the changed file was not re-embedded"
    return time.perf_counter() - start


def scale_corpus(knowledge: Path, target_chunks: int, out: Path, seed: int = 7) -> Path:
    """Generated knowledge: sections of the real instructions recombined into new documents
    (about 4 chunks each) until ``target_chunks`` chunks exist, plus the real instructions
    themselves in ``sample/`` so the labelled queries still have their answers.

    Good for speed and memory; not for quality: the generated documents contain the answers."""
    from copilot.chunking import chunk_document
    from copilot.knowledge import Document, load_knowledge

    docs = load_knowledge(knowledge).documents
    by_lang: dict[str, list[str]] = {}
    for d in docs:
        by_lang.setdefault(d.lang, []).extend(p.strip() for p in d.text.split("\n\n") if len(p.strip()) > 80)
    langs = sorted(by_lang)
    rng = random.Random(seed)
    out.mkdir(parents=True)
    chunks = n = 0
    while chunks < target_chunks:
        lang = rng.choice(langs)  # one language per document, labelled truthfully
        paragraphs = by_lang[lang]
        body = "\n\n".join(f"## Osa {i + 1}\n{rng.choice(paragraphs)} {rng.choice(paragraphs)}" for i in range(4))
        text = f"---\nid: gen/{n:05d}\nlang: {lang}\n---\n# Generoitu ohje {n}\n{body}\n"
        (out / f"gen-{n:05d}.md").write_text(text, encoding="utf-8")
        body_doc = Document(id=f"gen/{n:05d}", title=f"Generoitu ohje {n}", text=f"# Generoitu ohje {n}\n{body}",
                            lang=lang, audience="agent", source="", content_hash="")
        chunks += len(chunk_document(body_doc))
        n += 1
    shutil.copytree(knowledge, out / "sample")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    ap.add_argument("--queries", type=Path, default=ROOT / "evals/retrieval/queries.jsonl")
    ap.add_argument("--scale", type=int, default=0, help="also run at this many generated chunks (e.g. 10000)")
    ap.add_argument("--scale-dir", type=Path, help="keep the scale corpus and store here; a later run resumes "
                    "(incremental sync embeds only what is missing)")
    ap.add_argument("--only-scale", action="store_true", help="skip the run on the knowledge itself")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    try:
        if not args.only_scale:
            run_small(args, work)
        if args.scale:
            run_scale(args, args.scale_dir or work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_small(args: argparse.Namespace, work: Path) -> None:
    cp = Copilot(store=work / "store")
    start = time.perf_counter()
    report = cp.index(args.knowledge)
    secs = time.perf_counter() - start
    print(f"## {args.knowledge.name}: {report.documents} documents, {report.sync.chunks_embedded} chunks, "
          f"indexed in {secs:.1f} s ({report.sync.chunks_embedded / secs:.1f} chunks/s)\n")
    queries = load_queries(args.queries)
    print_quality({mode: evaluate(cp, queries, mode) for mode in MODES})
    print(f"\nre-index after one changed file: {reindex_one_change(Copilot(store=work / 'store2'), args.knowledge, work):.2f} s")


def run_scale(args: argparse.Namespace, where: Path) -> None:
    gen = where / "kb"
    if not gen.exists():
        scale_corpus(args.knowledge, args.scale, gen)
    big = Copilot(store=where / "store")
    rss0 = peak_rss_mb()
    start = time.perf_counter()
    rep = big.index(gen)
    secs = time.perf_counter() - start
    total = big.store.count()
    print(f"\n## scale: {total} chunks in the store; this run embedded {rep.sync.chunks_embedded} chunks in "
          f"{secs:.0f} s ({rep.sync.chunks_embedded / max(secs, 1e-9):.1f} chunks/s); peak RSS {peak_rss_mb():.0f} MB "
          f"(before indexing: {rss0:.0f} MB)\n")
    print_quality({mode: evaluate(big, load_queries(args.queries), mode) for mode in MODES})
    print(f"\npeak RSS after searching {total} chunks: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
