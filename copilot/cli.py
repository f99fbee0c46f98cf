"""`copilot` command line: a thin shell over ``copilot.Copilot``.

Errors print one line (`error: ...`) and exit 2; tracebacks only with COPILOT_DEBUG=1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

from copilot.errors import CopilotError, DatasetError, UsageError


def _copilot(args: argparse.Namespace, **extra: Any):
    from copilot import Copilot

    opts = {"store": getattr(args, "store", None), "model": getattr(args, "model", None)}
    opts.update(extra)
    return Copilot(**opts)


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False))


# -- index ---------------------------------------------------------------
def cmd_index(args: argparse.Namespace) -> int:
    cp = _copilot(args)
    report = cp.index(args.knowledge_dir, rebuild=args.rebuild)
    for issue in report.issues:
        print(f"warning: {issue}", file=sys.stderr)
    s = report.sync
    print(f"indexed {report.documents} documents from {report.knowledge_dir}: "
          f"{len(s.added)} added, {len(s.updated)} updated, {len(s.removed)} removed, {s.unchanged} unchanged; "
          f"{s.chunks_embedded} chunks embedded in {s.seconds:.2f} s -> {cp.store.where}")
    if s.kept_on_error:
        print(f"kept the previous version of {len(s.kept_on_error)} document(s) whose file now fails to load: "
              + ", ".join(s.kept_on_error), file=sys.stderr)
    if report.issues and args.strict:
        print(f"error: {len(report.issues)} file(s) skipped (--strict)", file=sys.stderr)
        return 1
    return 0


# -- search --------------------------------------------------------------
def _read_queries(path: Path) -> list[tuple[Any, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read queries file {path}: {exc}; give a UTF-8 JSONL file") from None
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise DatasetError(f"{path}:{n}: not valid JSON; each line must be {{\"id\": ..., \"query\": ...}}") from None
        if not isinstance(row, dict) or not isinstance(row.get("query"), str) or "id" not in row:
            raise DatasetError(f"{path}:{n}: needs an \"id\" and a \"query\" string")
        out.append((row["id"], row["query"]))
    return out


def cmd_search(args: argparse.Namespace) -> int:
    if bool(args.text) == bool(args.queries):
        raise UsageError('give either the search text or --queries FILE.jsonl, e.g. copilot search "parcel locker code"')
    cp = _copilot(args)
    filters = {"lang": args.lang, "audience": args.audience, "tags": args.tag or None, "mode": args.mode}
    if args.queries:
        for qid, query in _read_queries(Path(args.queries)):
            results = cp.search(query, args.k, **filters)
            _print_json({"id": qid, "results": [r.to_dict() for r in results]})
        return 0
    results = cp.search(args.text, args.k, **filters)
    if args.json:
        _print_json([r.to_dict() for r in results])
        return 0
    if not results:
        print("no matching instructions")
    for n, r in enumerate(results, start=1):
        snippet = " ".join(r.text.split())[:160]
        print(f"{n}. {r.title}  [{r.id}]  score {r.score:.4f}  ({r.source})\n   {snippet}")
    return 0


# -- parser --------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="copilot", description="Reply copilot for customer-service agents.")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--store", help="store dir (default: $COPILOT_HOME/store)")
        p.set_defaults(func=func)
        return p

    p = add("index", cmd_index, "Index a knowledge folder into the store (incremental).")
    p.add_argument("knowledge_dir", nargs="?", help="folder of .md/.txt instructions (default: sample knowledge)")
    p.add_argument("--rebuild", action="store_true", help="drop the store and re-embed everything")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any file was skipped")

    p = add("search", cmd_search, "Search the indexed instructions.")
    p.add_argument("text", nargs="?", help="the customer's message or a question")
    p.add_argument("--queries", help="JSONL file of {\"id\", \"query\"}; prints one JSON line per query")
    p.add_argument("-k", type=int, default=5, help="number of documents (default 5)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("--lang", help="only instructions in this language (fi, en, ...)")
    p.add_argument("--audience", choices=["agent", "customer"], help="only internal or only FAQ texts")
    p.add_argument("--tag", action="append", help="only instructions with this tag (repeatable)")
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CopilotError as exc:
        if os.environ.get("COPILOT_DEBUG"):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
