"""How often drafting treats retrieval as sure: correct top hits vs wrong ones vs off-topic messages.

    python benchmarks/bench_unsure.py

"Sure" is ``copilot.drafting._sure``; when unsure, the composer writes the honest
"I'll find out and get back to you" reply instead of steps from an instruction.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot import Copilot  # noqa: E402
from copilot.drafting import _sure  # noqa: E402


def rows(name: str) -> list[dict]:
    path = ROOT / "evals/retrieval" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-unsure-"))
    try:
        cp = Copilot(store=work / "store")
        cp.index()
        groups: dict[str, list[bool]] = {"correct top hit": [], "wrong top hit": [], "off-topic message": []}
        for q in rows("queries.jsonl"):
            best = cp.search(q["query"], 3)[0]
            groups["correct top hit" if best.id in q["expected"] else "wrong top hit"].append(_sure(best))
        for q in rows("off_topic.jsonl"):
            groups["off-topic message"].append(_sure(cp.search(q["query"], 3)[0]))
        print("| group | n | treated as sure |\n|---|---|---|")
        for name, flags in groups.items():
            print(f"| {name} | {len(flags)} | {sum(flags) / max(1, len(flags)):.0%} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
