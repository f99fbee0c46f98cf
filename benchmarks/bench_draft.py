"""Drafting benchmark: time per draft without the model call, offline composer, fallback time, and
what the copilot adds to a model's time to first streamed text.

    python benchmarks/bench_draft.py            # cases from evals/cases.jsonl, sample knowledge

Prints a markdown table. The fallback and streaming rows use a local OpenAI-compatible test server on
127.0.0.1 (a real HTTP model path): one that never answers within the timeout, one that sends its
first chunk after a fixed delay.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from copilot import Case, Copilot  # noqa: E402


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load_cases() -> list[Case]:
    cases = []
    for line in (ROOT / "evals/cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            cases.append(Case.from_dict(json.loads(line)))
    return cases


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-draft-"))
    cp = Copilot(store=work / "store", home=work / "home")
    cp.index()
    cases = load_cases()
    cp.draft(cases[0])  # warm: loads the corpus index and the embedding model
    prep_ms, offline_ms, embed_ms = [], [], []
    for case in cases:
        cp.store.embedder.clear_cache()
        t0 = time.perf_counter()
        prep = cp.drafter.prepare(case)
        t1 = time.perf_counter()
        cp.drafter.messages(prep, cp.drafter.masker() or None)  # prompt building incl. token budget
        t2 = time.perf_counter()
        cp.drafter.offline(prep, [])
        t3 = time.perf_counter()
        prep_ms.append((t2 - t0) * 1000)
        offline_ms.append((t1 - t0 + t3 - t2) * 1000)
        cp.store.embedder.clear_cache()
        t4 = time.perf_counter()
        cp.store.embedder.embed_query(case.message)
        embed_ms.append((time.perf_counter() - t4) * 1000)
    print(f"{len(cases)} cases from evals/cases.jsonl\n")
    print("| measure | p50 ms | p95 ms |")
    print("|---|---|---|")
    print(f"| everything except the model call (understand + retrieve + prompt) | {statistics.median(prep_ms):.1f} | {pct(prep_ms, 95):.1f} |")
    print(f"| of which: query embedding alone | {statistics.median(embed_ms):.1f} | {pct(embed_ms, 95):.1f} |")
    print(f"| offline composer draft (understand + retrieve + compose) | {statistics.median(offline_ms):.1f} | {pct(offline_ms, 95):.1f} |")

    from openai_server import delay, ok, start_server

    timeout = 1.0
    with start_server() as server:
        server.enqueue(*[delay(2.0) for _ in range(60)])
        slow = Copilot(store=work / "store", home=work / "home", model="openai/slow", api_base=server.base_url,
                       api_key="x", timeout=timeout)
        slow.retriever = cp.retriever
        slow.warm_up()  # model client created (litellm imported) before the clock starts
        times = []
        for case in cases[:5]:
            t = time.perf_counter()
            d = slow.draft(case)
            times.append(time.perf_counter() - t)
            assert d.model == "offline-composer" and d.warnings
        server.stopping.set()
    print(f"| fallback draft after a model timeout of {timeout:.1f} s (5 runs) | {statistics.median(times) * 1000:.0f} | {max(times) * 1000:.0f} (max) |")

    # Time to the first streamed piece with a model: the test server waits MODEL_DELAY before its
    # first SSE chunk (the "model's own latency"); what the copilot adds is the rest.
    model_delay = 0.3
    with start_server() as server:
        server.enqueue(*[delay(model_delay, ok("Hei, kiitos viestistäsi. Selvitän asian ja palaan pian.")) for _ in range(len(cases) + 1)])
        fast = Copilot(store=work / "store", home=work / "home", model="openai/test", api_base=server.base_url,
                       api_key="x", timeout=10)
        fast.retriever = cp.retriever
        fast.warm_up()
        list(fast.stream_draft(cases[0]))  # first request opens litellm's HTTP client
        added = []
        for case in cases:
            cp.store.embedder.clear_cache()
            t = time.perf_counter()
            stream = fast.stream_draft(case)
            next(iter(stream))
            added.append((time.perf_counter() - t - model_delay) * 1000)
            list(stream)
        server.stopping.set()
    print(f"| first streamed piece with a model, minus the model's own {model_delay * 1000:.0f} ms ({len(added)} cases) "
          f"| {statistics.median(added):.1f} | {pct(added, 95):.1f} |")


if __name__ == "__main__":
    main()
