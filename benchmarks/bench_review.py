"""Review benchmark: per-check precision/recall/F1 per labelled dataset, false flags, latency, throughput.

    .venv/bin/python benchmarks/bench_review.py [extra.jsonl ...] [--no-knowledge] [--runs 300]

Prints one table row per dataset (and, with --no-knowledge, the same datasets reviewed without
their knowledge texts, i.e. the FAQ-voice fallback of copy_paste), then review latency p50/p95
on 150-word replies (warm caches, as in the side panel while typing, and cold first review),
and the time to score 1,000 labelled replies (cycling the sets).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.evaluation import EvalCase, false_flag_rate, label_metrics, load_dataset  # noqa: E402
from copilot.review import PENALTY_CHECKS, review  # noqa: E402
from copilot.review import text as review_text  # noqa: E402

DEFAULT_SETS = [ROOT.parent / "shared" / "evals" / "labelled_replies_dev.jsonl", ROOT / "evals" / "labelled_replies.jsonl"]


def score_set(cases: list[EvalCase], with_knowledge: bool = True) -> tuple[dict, dict | None]:
    rows = []
    for c in cases:
        if c.reply is None or not c.labels:
            continue
        rv = review(c.reply, c.to_case(), c.knowledge if with_knowledge else None)
        rows.append({"id": c.id, "labels": c.labels, "flags": rv.flags})
    return label_metrics(rows), false_flag_rate(rows)


def words(text: str) -> list[str]:
    return text.split()


def replies_150(cases: list[EvalCase]) -> list[tuple[str, EvalCase]]:
    """150-word replies: each case's reply extended with other replies to the same message."""
    by_msg: dict[str, list[EvalCase]] = {}
    for c in cases:
        if c.reply:
            by_msg.setdefault(c.customer_message, []).append(c)
    out = []
    for group in by_msg.values():
        for i, c in enumerate(group):
            pool = [g.reply for g in group[i:] + group[:i] if g.reply]
            w: list[str] = []
            k = 0
            while len(w) < 150:
                w += words(pool[k % len(pool)])
                k += 1
            out.append((" ".join(w[:150]), c))
    return out


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    idx = min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))
    return s[idx]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", nargs="*", type=Path, help="extra labelled JSONL files")
    ap.add_argument("--no-knowledge", action="store_true", help="also score each set without its knowledge")
    ap.add_argument("--runs", type=int, default=300, help="latency samples (default 300)")
    args = ap.parse_args(argv)

    sets = [p for p in DEFAULT_SETS if p.exists()] + list(args.datasets)
    loaded = [(p, load_dataset(p)) for p in sets]
    head = f"{'dataset':<34} {'n':>4} " + " ".join(f"{n + ' P/R/F1':>22}" for n in PENALTY_CHECKS) + \
        f" {'false-flag':>11}"
    print(head)
    print("-" * len(head))
    variants = [(True, "")] + ([(False, " (no knowledge)")] if args.no_knowledge else [])
    all_cases: list[EvalCase] = []
    for path, cases in loaded:
        all_cases += [c for c in cases if c.reply and c.labels]
        for with_kb, tag in variants:
            metrics, ff = score_set(cases, with_kb)
            cells = []
            for name in PENALTY_CHECKS:
                m = metrics.get(name)
                cells.append(f"{m['precision']:.2f}/{m['recall']:.2f}/{m['f1']:.2f} ({m['support']:>2})"
                             if m else f"{'n/a':>22}")
            n = sum(1 for c in cases if c.reply and c.labels)
            ffs = f"{ff['flagged']}/{ff['good']} {ff['rate']:.1%}" if ff else "n/a"
            print(f"{(path.name + tag)[:34]:<34} {n:>4} " + " ".join(f"{c:>22}" for c in cells) + f" {ffs:>11}")
    if not all_cases:
        print("no labelled replies found")
        return 1

    # latency on 150-word replies
    samples = replies_150(all_cases)
    cold: list[float] = []
    for reply, c in samples[: min(20, len(samples))]:
        review_text.lemma.cache_clear()
        review_text.analyse.cache_clear()
        review_text.key.cache_clear()
        t0 = time.perf_counter()
        review(reply, c.to_case(), c.knowledge)
        cold.append((time.perf_counter() - t0) * 1000)
    for reply, c in samples:  # warm-up: the panel reviews the same case on every edit
        review(reply, c.to_case(), c.knowledge)
    warm: list[float] = []
    cpu: list[float] = []
    for i in range(args.runs):
        reply, c = samples[i % len(samples)]
        case = c.to_case()
        t0, c0 = time.perf_counter(), time.thread_time()
        review(reply, case, c.knowledge)
        cpu.append((time.thread_time() - c0) * 1000)
        warm.append((time.perf_counter() - t0) * 1000)
    try:
        load = " (load average %.1f on %d CPUs)" % (__import__("os").getloadavg()[0], __import__("os").cpu_count())
    except OSError:
        load = ""
    print()
    print(f"latency, 150-word replies (n={len(warm)}, warm caches): wall p50 {pct(warm, 0.5):.2f} ms, "
          f"p95 {pct(warm, 0.95):.2f} ms; CPU p50 {pct(cpu, 0.5):.2f} ms, p95 {pct(cpu, 0.95):.2f} ms{load}")
    print(f"latency, first review with cold lemma cache (n={len(cold)}): p50 {pct(cold, 0.5):.1f} ms, "
          f"p95 {pct(cold, 0.95):.1f} ms")

    # throughput: 1,000 labelled replies, cycling the sets
    t0 = time.perf_counter()
    for i in range(1000):
        c = all_cases[i % len(all_cases)]
        review(c.reply or "", c.to_case(), c.knowledge)
    dt = time.perf_counter() - t0
    print(f"scored 1,000 labelled replies in {dt:.2f} s ({1000 / dt:.0f} replies/s, "
          f"mean {statistics.fmean([dt * 1000 / 1000]):.2f} ms each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
