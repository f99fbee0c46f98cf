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
def _read_json_rows(path: Path, what: str, hint: str, error: type[Exception]) -> list[tuple[int, Any]]:
    """(line number, value) of a JSON list file or a JSONL file; one-line errors that show the shape."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what} {path}: {exc}; give a UTF-8 JSON or JSONL file") from None
    if raw.lstrip().startswith("["):
        try:
            return [(1, row) for row in json.loads(raw)]
        except (json.JSONDecodeError, TypeError) as exc:
            raise error(f"{what} {path} is not valid JSON ({exc}); use {hint}") from None
    rows = []
    for n, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError:
                raise error(f"{path}:{n}: not valid JSON; each line must be {hint}") from None
    return rows


def _read_queries(path: Path) -> list[tuple[Any, str]]:
    out = []
    for n, row in _read_json_rows(path, "queries file", '{"id": ..., "query": ...}', DatasetError):
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


# -- draft ---------------------------------------------------------------
def _read_history(path: Path) -> list[dict[str, Any]]:
    hint = '{"role": "customer"|"agent", "text": ..., "at": "2026-11-20T14:05"}'
    rows = _read_json_rows(path, "history file", hint, UsageError)
    if not all(isinstance(row, dict) for _, row in rows):
        raise UsageError(f"history file {path} must hold {hint} objects")
    return [row for _, row in rows]


def cmd_draft(args: argparse.Namespace) -> int:
    from copilot.case import Case

    history = _read_history(Path(args.history)) if args.history else []
    case = Case.from_dict({"message": args.message, "history": history, "channel": args.channel,
                           "customer": {"name": args.name} if args.name else {}, "agent_name": args.agent,
                           "lang": args.lang})
    cp = _copilot(args)
    cp.ensure_index()
    draft = cp.draft(case)
    if args.json:
        _print_json(draft.to_dict())
        return 0
    print(draft.text)
    print("\n---")
    print(f"language: {draft.lang}   model: {draft.model}")
    for s in draft.sources:
        print(f"source: {s.title} [{s.id}] ({s.source})")
    if draft.specifics:
        print("specifics: " + ", ".join(f"{s.kind}={s.value}" for s in draft.specifics))
    for w in draft.warnings:
        print(f"warning: {w}")
    return 0


# -- eval ----------------------------------------------------------------
def cmd_eval(args: argparse.Namespace) -> int:
    from copilot.case import Case, Message
    from copilot.evaluation import load_dataset, run_eval

    cp = _copilot(args)

    def resolve(doc_id: str) -> str | None:
        cp.ensure_index()
        return cp.retriever.document_text(doc_id) or None

    cases = load_dataset(Path(args.dataset), resolve_knowledge=resolve)

    def drafter(ec) -> str:
        history = tuple(Message.from_dict(h) for h in getattr(ec, "history", None) or [])
        case = Case(message=ec.customer_message, history=history, lang=getattr(ec, "lang", None))
        return cp.draft(case).text

    if any(not getattr(c, "reply", None) for c in cases):
        cp.ensure_index()
    judge = None
    if args.judge:
        from copilot.judge import Judge
        from copilot.models import get_model

        judge = Judge(get_model(args.judge, api_base=cp.settings.api_base, api_key=cp.settings.api_key,
                                timeout=cp.settings.timeout), cp.settings.home / "judge-cache")
    out = Path(args.out)
    summary = run_eval(cases, out, drafter=drafter, judge=judge, baseline_dir=Path(args.baseline) if args.baseline else None,
                       fail_under=args.fail_under, workers=args.workers or (4 if (args.model or args.judge) else 1))
    for line in summary.lines():
        print(line)
    print(f"wrote {out / 'results.jsonl'}, {out / 'summary.json'}, {out / 'report.html'}")
    return summary.exit_code


# -- ui ------------------------------------------------------------------
def cmd_ui(args: argparse.Namespace) -> int:
    import subprocess

    import ui

    app = Path(ui.__file__).resolve().parent / "app.py"
    env = dict(os.environ)
    if args.store:
        env["COPILOT_STORE"] = str(Path(args.store).resolve())
    if args.model:
        env["COPILOT_MODEL"] = args.model
    if args.lang:
        env["COPILOT_UI_LANG"] = args.lang
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.address", args.host,
           "--server.port", str(args.port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--client.showErrorDetails", "none", "--client.toolbarMode", "minimal"]
    print(f"copilot side panel: http://{args.host}:{args.port}  (Ctrl+C to stop)")
    return subprocess.call(cmd, env=env)


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

    p = add("draft", cmd_draft, "Draft a reply to a customer message.")
    p.add_argument("message", help="the customer's latest message (a pasted SMS may be included)")
    p.add_argument("--history", help="JSON/JSONL file of earlier contacts: {role, text, at?, channel?}")
    p.add_argument("--model", help="litellm model id (default: $COPILOT_MODEL, else the offline composer)")
    p.add_argument("--name", help="the customer's name")
    p.add_argument("--agent", help="the agent's name for the signature")
    p.add_argument("--channel", default="chat", choices=["chat", "email", "phone", "sms", "web"])
    p.add_argument("--lang", help="force the reply language (fi, en, sv)")
    p.add_argument("--json", action="store_true", help="print {reply, lang, sources, model, warnings, specifics}")

    p = add("eval", cmd_eval, "Score replies in a JSONL dataset (drafting the missing ones) and write a report.")
    p.add_argument("dataset", help="JSONL: {id, customer_message, reply?, knowledge?, history?, lang?, labels?}")
    p.add_argument("--model", help="drafting model for cases without a reply (default: offline composer)")
    p.add_argument("--judge", help="optional LLM judge model (adds to the deterministic checks)")
    p.add_argument("--out", default="runs/latest", help="output dir (default runs/latest)")
    p.add_argument("--baseline", help="a previous run's output dir to compare against")
    p.add_argument("--fail-under", type=float, help="exit non-zero when the mean score is below this")
    p.add_argument("--workers", type=int, help="parallel workers (default 4 with a model, else 1)")

    p = add("ui", cmd_ui, "Start the agent side panel (Streamlit) on localhost.")
    p.add_argument("--model", help="litellm model id (default: offline composer)")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--lang", choices=["fi", "en"], help="UI language at start (switchable in the panel)")
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
