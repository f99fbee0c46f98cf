"""Eval runner: labelled (or drafted) replies -> review -> results.jsonl, summary.json, report.html.

    cases = load_dataset("evals/labelled_replies.jsonl", resolve_knowledge=lookup)
    summary = run_eval(cases, "out/eval", baseline_dir="out/eval-main", fail_under=70)
    print("\\n".join(summary.lines()))
    sys.exit(summary.exit_code)

Dataset: JSONL, one case per line::

    {"id": "r-fi-101", "customer_message": "...", "reply": "...",            # reply optional
     "knowledge": ["text or a knowledge id", ...], "history": [{"role", "text"}],
     "lang": "fi", "labels": {"copy_paste": 0, "accusatory": 1, "deflection": 0}}

A bad line raises ``DatasetError`` naming ``file:line`` and the fix.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copilot.case import Case, Message
from copilot.errors import DatasetError, UsageError
from copilot.review import PENALTY_CHECKS, CHECKS, review

RESULTS = "results.jsonl"
SUMMARY = "summary.json"
REPORT = "report.html"
MEAN_DROP_LIMIT = 2.0   # points of mean score
F1_DROP_LIMIT = 0.02    # per penalty check
HIST_BINS = tuple(range(0, 101, 10))
_KNOWN_KEYS = {"id", "customer_message", "message", "reply", "knowledge", "history", "lang", "labels"}


# --------------------------------------------------------------------------- dataset
@dataclass
class EvalCase:
    id: str
    customer_message: str
    reply: str | None = None
    knowledge: list[str] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    lang: str | None = None
    labels: dict[str, int] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # other fields kept as-is (note, customer, channel ...)

    def to_case(self) -> Case:
        customer = self.meta.get("customer") or {}
        data = {"customer_message": self.customer_message, "history": self.history, "lang": self.lang,
                "customer": customer, "channel": self.meta.get("channel")}
        return Case.from_dict(data)


def _looks_like_id(entry: str) -> bool:
    return bool(entry) and len(entry) <= 200 and not any(c.isspace() for c in entry.strip())


def _parse_line(obj: Any, where: str, resolve: Callable[[str], str | None] | None) -> EvalCase:
    if not isinstance(obj, dict):
        raise DatasetError(f"{where}: each line must be a JSON object like "
                           '{"id": "c1", "customer_message": "...", "reply": "..."}'
                           f", got {type(obj).__name__}")
    cid = obj.get("id")
    if isinstance(cid, int) and not isinstance(cid, bool):
        cid = str(cid)
    if not isinstance(cid, str) or not cid.strip():
        raise DatasetError(f'{where}: missing "id"; give every case a unique string id, e.g. "id": "r-fi-001"')
    msg = obj.get("customer_message", obj.get("message"))
    if not isinstance(msg, str) or not msg.strip():
        raise DatasetError(f'{where} (id {cid}): "customer_message" must be the customer\'s non-empty message text')
    reply = obj.get("reply")
    if reply is not None and not isinstance(reply, str):
        raise DatasetError(f'{where} (id {cid}): "reply" must be a string (or leave it out to draft one)')
    knowledge_raw = obj.get("knowledge") or []
    if isinstance(knowledge_raw, str):
        knowledge_raw = [knowledge_raw]
    if not isinstance(knowledge_raw, list):
        raise DatasetError(f'{where} (id {cid}): "knowledge" must be a list of texts or knowledge ids')
    knowledge: list[str] = []
    for k in knowledge_raw:
        if isinstance(k, dict):
            k = k.get("text") or k.get("id")
        if not isinstance(k, str) or not k.strip():
            raise DatasetError(f'{where} (id {cid}): each "knowledge" entry must be a non-empty text or id')
        if _looks_like_id(k):
            if resolve is None:
                raise DatasetError(f"{where} (id {cid}): knowledge entry {k!r} looks like a knowledge id but no "
                                   "resolver was given; pass resolve_knowledge= or put the text itself")
            text = resolve(k)
            if not text:
                raise DatasetError(f"{where} (id {cid}): unknown knowledge id {k!r}; check the id against the "
                                   "indexed knowledge or put the text itself")
            knowledge.append(text)
        else:
            knowledge.append(k)
    history = obj.get("history") or []
    if not isinstance(history, list):
        raise DatasetError(f'{where} (id {cid}): "history" must be a list of {{"role", "text"}} objects')
    for h in history:
        if not isinstance(h, dict):
            raise DatasetError(f'{where} (id {cid}): each "history" entry must be {{"role": ..., "text": ...}}')
        try:
            Message.from_dict(h)
        except UsageError as exc:
            raise DatasetError(f"{where} (id {cid}): {exc}") from None
    lang = obj.get("lang")
    if lang is not None and (not isinstance(lang, str) or not lang.strip()):
        raise DatasetError(f'{where} (id {cid}): "lang" must be a language code such as "fi" or "en"')
    labels_raw = obj.get("labels") or {}
    if not isinstance(labels_raw, dict):
        raise DatasetError(f'{where} (id {cid}): "labels" must be an object like {{"deflection": 1}}')
    labels: dict[str, int] = {}
    for name, value in labels_raw.items():
        if name not in PENALTY_CHECKS:
            raise DatasetError(f"{where} (id {cid}): unknown label {name!r}; labels are "
                               + ", ".join(PENALTY_CHECKS))
        if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
            labels[name] = int(value)
        else:
            raise DatasetError(f"{where} (id {cid}): label {name!r} must be 0 or 1, got {value!r}")
    meta = {k: v for k, v in obj.items() if k not in _KNOWN_KEYS}
    return EvalCase(id=cid.strip(), customer_message=msg, reply=reply, knowledge=knowledge, history=history,
                    lang=lang.strip() if isinstance(lang, str) else None, labels=labels, meta=meta)


def load_dataset(path: str | Path, *, resolve_knowledge: Callable[[str], str | None] | None = None
                 ) -> list[EvalCase]:
    """Read a JSONL dataset; blank lines are skipped. Raises DatasetError with file:line on a bad line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{p}: dataset file not found; check the path") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{p}: not UTF-8 text; save the dataset as UTF-8 JSONL") from None
    cases: list[EvalCase] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{p}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object "
                               "per line, with double-quoted keys and no trailing commas") from None
        case = _parse_line(obj, where, resolve_knowledge)
        if case.id in seen:
            raise DatasetError(f"{where}: duplicate id {case.id!r} (first on line {seen[case.id]}); ids must be unique")
        seen[case.id] = lineno
        cases.append(case)
    if not cases:
        raise DatasetError(f"{p}: no cases found; add one JSON object per line")
    return cases


# --------------------------------------------------------------------------- metrics
def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def label_metrics(rows: Sequence[Mapping[str, Any]], checks: Iterable[str] = PENALTY_CHECKS
                  ) -> dict[str, dict[str, Any]]:
    """Per penalty check: precision/recall/F1/support over rows that carry that label."""
    out: dict[str, dict[str, Any]] = {}
    for name in checks:
        tp = fp = fn = tn = 0
        for row in rows:
            labels = row.get("labels") or {}
            if name not in labels:
                continue
            y = bool(labels[name])
            pred = name in (row.get("flags") or [])
            tp += y and pred
            fp += (not y) and pred
            fn += y and not pred
            tn += (not y) and not pred
        if tp + fp + fn + tn == 0:
            continue
        p, r, f = prf(tp, fp, fn)
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn,
                     "tp": tp, "fp": fp, "fn": fn, "tn": tn}
    return out


def false_flag_rate(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Share of good replies (labelled, no positive penalty label) that got any flag."""
    good = [r for r in rows if r.get("labels") and not any(r["labels"].values())]
    if not good:
        return None
    flagged = [r["id"] for r in good if r.get("flags")]
    return {"rate": round(len(flagged) / len(good), 4), "good": len(good), "flagged": len(flagged),
            "ids": flagged}


def histogram(scores: Sequence[float], bins: Sequence[int] = HIST_BINS) -> dict[str, list]:
    """Counts per [b, b+10) bin; 100 falls in the last bin."""
    edges = list(bins)
    counts = [0] * (len(edges) - 1)
    for s in scores:
        idx = min(len(counts) - 1, max(0, int(math.floor(s / (edges[1] - edges[0])))))
        counts[idx] += 1
    return {"edges": edges, "counts": counts}


# --------------------------------------------------------------------------- results
def _check_dict(c) -> dict[str, Any]:
    return {"kind": c.kind, "score": round(c.score, 4), "passed": c.passed,
            "reasons": [{"message": r.message,
                         "span": None if r.span is None else {"start": r.span.start, "end": r.span.end,
                                                              "text": r.span.text}} for r in c.reasons]}


def _evaluate(case: EvalCase, drafter: Callable[[EvalCase], str] | None, judge: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"id": case.id}
    reply = case.reply
    drafted = False
    if reply is None:
        if drafter is None:
            raise UsageError(f"case {case.id!r} has no reply; pass drafter= to draft one or add \"reply\"")
        try:
            reply = drafter(case)
            drafted = True
        except Exception as exc:  # a failing draft is a result, not a crash of the whole run
            row.update({"reply": "", "score": 0.0, "flags": [], "checks": {}, "lang": case.lang,
                        "error": f"drafting failed: {type(exc).__name__}: {exc}"})
            if case.labels:
                row["labels"] = case.labels
            return row
    rv = review(reply, case.to_case(), case.knowledge)
    row.update({"lang": rv.lang, "reply": reply, "score": rv.score, "flags": list(rv.flags),
                "checks": {name: _check_dict(c) for name, c in rv.checks.items()}})
    if drafted:
        row["drafted"] = True
    if case.labels:
        row["labels"] = dict(case.labels)
    if judge is not None:
        try:
            jr = judge.judge(reply, case.customer_message, lang=rv.lang, knowledge=case.knowledge)
            row["judge"] = jr.to_dict() if hasattr(jr, "to_dict") else jr
        except Exception as exc:
            row["judge_error"] = f"{type(exc).__name__}: {exc}"
    return row


def _summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    scored = [r for r in rows if "error" not in r]
    scores = [r["score"] for r in scored]
    per_check: dict[str, float] = {}
    for name in CHECKS:
        vals = [r["checks"][name]["passed"] for r in scored if name in r.get("checks", {})]
        if vals:
            per_check[name] = round(sum(vals) / len(vals), 4)
    by_lang: dict[str, dict[str, Any]] = {}
    for r in scored:
        by_lang.setdefault(r.get("lang") or "?", []).append(r["score"])  # type: ignore[arg-type]
    by_lang = {k: {"n": len(v), "mean_score": round(statistics.fmean(v), 2)} for k, v in sorted(by_lang.items())}
    labelled = [r for r in scored if r.get("labels")]
    summary: dict[str, Any] = {
        "n": len(rows),
        "scored": len(scored),
        "errors": len(rows) - len(scored),
        "mean_score": round(statistics.fmean(scores), 2) if scores else 0.0,
        "median_score": round(statistics.median(scores), 2) if scores else 0.0,
        "pass_rate": round(sum(1 for r in scored if not r["flags"]) / len(scored), 4) if scored else 0.0,
        "pass_rate_per_check": per_check,
        "flag_counts": {name: sum(1 for r in scored if name in r["flags"]) for name in PENALTY_CHECKS},
        "histogram": histogram(scores),
        "by_lang": by_lang,
        "labelled": len(labelled),
    }
    if labelled:
        summary["metrics"] = label_metrics(labelled)
        summary["false_flag_rate"] = false_flag_rate(labelled)
    judged = [r["judge"] for r in scored if isinstance(r.get("judge"), dict)]
    if judged:
        jchecks: dict[str, list[float]] = {}
        for j in judged:
            for name, c in (j.get("checks") or {}).items():
                jchecks.setdefault(name, []).append(float(c.get("score", 0.0)))
        summary["judge"] = {"n": len(judged),
                            "mean_per_check": {k: round(statistics.fmean(v), 4) for k, v in sorted(jchecks.items())}}
    return summary


def _compare(summary: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    cmp: dict[str, Any] = {"mean_score": base.get("mean_score"),
                           "delta_mean": round(summary["mean_score"] - float(base.get("mean_score", 0.0)), 2),
                           "f1": {}, "regressions": []}
    if cmp["delta_mean"] < -MEAN_DROP_LIMIT:
        cmp["regressions"].append(f"mean score dropped {-cmp['delta_mean']:.2f} points "
                                  f"({base.get('mean_score')} -> {summary['mean_score']}); limit {MEAN_DROP_LIMIT}")
    cur_m, base_m = summary.get("metrics") or {}, base.get("metrics") or {}
    for name in PENALTY_CHECKS:
        if name in cur_m and name in base_m:
            d = round(cur_m[name]["f1"] - base_m[name]["f1"], 4)
            cmp["f1"][name] = {"baseline": base_m[name]["f1"], "current": cur_m[name]["f1"], "delta": d}
            if d < -F1_DROP_LIMIT:
                cmp["regressions"].append(f"{name} F1 dropped {-d:.3f} ({base_m[name]['f1']:.3f} -> "
                                          f"{cur_m[name]['f1']:.3f}); limit {F1_DROP_LIMIT}")
    return cmp


def _read_baseline(baseline_dir: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    spath = baseline_dir / SUMMARY
    try:
        base = json.loads(spath.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"baseline {spath} not found; point baseline_dir at an earlier eval output folder") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"baseline {spath} is not valid JSON ({exc.msg}); re-run the baseline eval") from None
    rows: dict[str, dict[str, Any]] = {}
    rpath = baseline_dir / RESULTS
    if rpath.exists():
        for line in rpath.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    r = json.loads(line)
                    rows[str(r.get("id"))] = r
                except json.JSONDecodeError:
                    continue
    return base, rows


@dataclass
class EvalSummary:
    """What ``run_eval`` measured; ``exit_code`` is non-zero on a failed gate."""

    out_dir: Path
    data: dict[str, Any]
    exit_code: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def mean_score(self) -> float:
        return self.data["mean_score"]

    @property
    def metrics(self) -> dict[str, dict[str, Any]]:
        return self.data.get("metrics") or {}

    @property
    def false_flag_rate(self) -> float | None:
        ff = self.data.get("false_flag_rate")
        return None if ff is None else ff["rate"]

    @property
    def pass_rate_per_check(self) -> dict[str, float]:
        return self.data["pass_rate_per_check"]

    def lines(self) -> list[str]:
        d = self.data
        out = [f"cases: {d['n']} (scored {d['scored']}, errors {d['errors']}, labelled {d['labelled']})",
               f"mean score: {d['mean_score']:.1f}  median: {d['median_score']:.1f}  "
               f"no flags: {d['pass_rate']:.0%}"]
        out.append("pass rate per check: " + ", ".join(f"{k} {v:.0%}" for k, v in d["pass_rate_per_check"].items()))
        if self.metrics:
            out.append(f"{'check':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
            for name, m in self.metrics.items():
                out.append(f"{name:<12} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {m['support']:>8d}")
        ff = d.get("false_flag_rate")
        if ff:
            out.append(f"false flags on good replies: {ff['flagged']}/{ff['good']} ({ff['rate']:.1%})")
        b = d.get("baseline")
        if b:
            out.append(f"vs baseline: mean {b['mean_score']} -> {d['mean_score']} ({b['delta_mean']:+.2f})"
                       + "".join(f"; {k} F1 {v['delta']:+.3f}" for k, v in b["f1"].items()))
        for f in self.failures:
            out.append(f"FAIL: {f}")
        out.append("result: " + ("ok" if self.exit_code == 0 else f"failed (exit {self.exit_code})"))
        return out


def run_eval(cases: Sequence[EvalCase], out_dir: str | Path, *, drafter: Callable[[EvalCase], str] | None = None,
             judge: Any = None, baseline_dir: str | Path | None = None, fail_under: float | None = None,
             workers: int = 1, progress: bool = True) -> EvalSummary:
    """Review every case (drafting missing replies), write results/summary/report, apply the gates."""
    if workers < 1:
        raise UsageError(f"workers must be >= 1, got {workers}")
    if not cases:
        raise UsageError("no cases to evaluate; load a dataset with at least one case")
    missing = [c.id for c in cases if c.reply is None]
    if missing and drafter is None:
        raise UsageError(f"{len(missing)} case(s) have no reply (first: {missing[0]!r}); pass drafter= or add replies")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base = base_rows = None
    if baseline_dir is not None:
        base, base_rows = _read_baseline(Path(baseline_dir))

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(cases), desc="eval", unit="case", leave=False)

    def one(case: EvalCase) -> dict[str, Any]:
        row = _evaluate(case, drafter, judge)
        if bar is not None:
            bar.update(1)
        return row

    try:
        if workers > 1:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eval") as pool:
                rows = list(pool.map(one, cases))
        else:
            rows = [one(c) for c in cases]
    finally:
        if bar is not None:
            bar.close()

    data = _summarise(rows)
    failures: list[str] = []
    if fail_under is not None and data["mean_score"] < fail_under:
        failures.append(f"mean score {data['mean_score']:.2f} is below --fail-under {fail_under}")
    if base is not None:
        cmp = _compare(data, base)
        data["baseline"] = cmp
        failures.extend(cmp["regressions"])
    data["failures"] = failures
    summary = EvalSummary(out_dir=out, data=data, exit_code=1 if failures else 0, failures=failures)

    with open(out / RESULTS, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    (out / SUMMARY).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / REPORT).write_text(render_report(rows, data, base, base_rows), encoding="utf-8")
    return summary


# --------------------------------------------------------------------------- report.html
def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> Any:
    """HTML for ``text`` with ``spans`` (start, end, title) wrapped in <mark>; everything escaped."""
    from markupsafe import Markup, escape

    parts: list[str] = []
    pos = 0
    for start, end, title in sorted({(max(0, s), min(len(text), e), t) for s, e, t in spans if e > s}):
        if start < pos:
            continue  # overlapping span: keep the first
        parts.append(str(escape(text[pos:start])))
        parts.append(f'<mark title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))


def _histogram_svg(hist: Mapping[str, list], base_hist: Mapping[str, list] | None = None) -> Any:
    from markupsafe import Markup

    counts = hist["counts"]
    edges = hist["edges"]
    w, h, pad = 640, 220, 30
    n = len(counts)
    top = max(counts + (base_hist["counts"] if base_hist else [])) or 1
    bw = (w - 2 * pad) / n
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h + 30}" role="img" '
           f'aria-label="score distribution">']
    for i, c in enumerate(counts):
        bh = (h - pad) * c / top
        x = pad + i * bw
        out.append(f'<rect x="{x + 2:.1f}" y="{h - bh:.1f}" width="{bw - 4:.1f}" height="{bh:.1f}" '
                   f'fill="#3b6fb6"><title>{edges[i]}-{edges[i + 1]}: {c}</title></rect>')
        if base_hist:
            b = base_hist["counts"][i] if i < len(base_hist["counts"]) else 0
            by = h - (h - pad) * b / top
            out.append(f'<line x1="{x + 2:.1f}" x2="{x + bw - 2:.1f}" y1="{by:.1f}" y2="{by:.1f}" '
                       f'stroke="#d9822b" stroke-width="3"><title>baseline {b}</title></line>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{h - bh - 4:.1f}" font-size="11" text-anchor="middle">{c}</text>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{h + 14}" font-size="11" text-anchor="middle">{edges[i]}</text>')
    out.append(f'<line x1="{pad}" x2="{w - pad}" y1="{h}" y2="{h}" stroke="#333"/>')
    out.append("</svg>")
    return Markup("".join(out))


_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reply review eval</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f3f3f3}.num{text-align:right}.bar{background:#3b6fb6;height:.8rem;display:inline-block}
mark{background:#ffd54f;padding:0 .1rem}.case{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
.flag{color:#b00020;font-weight:600}.good{color:#1b7f3b}.bad{color:#b00020}.muted{color:#666}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
</style></head><body>
<h1>Reply review eval</h1>
<p>{{ s.n }} cases ({{ s.scored }} scored, {{ s.errors }} errors, {{ s.labelled }} labelled) &middot;
mean score <b>{{ '%.1f'|format(s.mean_score) }}</b> &middot; median {{ '%.1f'|format(s.median_score) }} &middot;
no flags {{ '%.0f'|format(100 * s.pass_rate) }}%
{% if s.false_flag_rate %}&middot; false flags on good replies {{ s.false_flag_rate.flagged }}/{{ s.false_flag_rate.good }}
({{ '%.1f'|format(100 * s.false_flag_rate.rate) }}%){% endif %}</p>
{% if s.failures %}<p class="bad">{% for f in s.failures %}FAIL: {{ f }}<br>{% endfor %}</p>{% endif %}

<h2>Score distribution</h2>
{{ hist_svg }}
{% if base %}<p class="muted">orange lines: baseline run</p>{% endif %}

<h2>Pass rate per check</h2>
<table><tr><th>check</th><th>pass rate</th><th></th>{% if base %}<th>baseline</th>{% endif %}</tr>
{% for name, rate in s.pass_rate_per_check.items() %}
<tr><td>{{ name }}</td><td class="num">{{ '%.1f'|format(100 * rate) }}%</td>
<td><span class="bar" style="width:{{ (200 * rate)|round|int }}px"></span></td>
{% if base %}<td class="num">{% if name in (base.pass_rate_per_check or {}) %}{{ '%.1f'|format(100 * base.pass_rate_per_check[name]) }}%{% endif %}</td>{% endif %}</tr>
{% endfor %}</table>

{% if s.metrics %}
<h2>Penalty checks against labels</h2>
<table><tr><th>check</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>TP</th><th>FP</th><th>FN</th>
{% if base and base.metrics %}<th>baseline F1</th><th>&Delta; F1</th>{% endif %}</tr>
{% for name, m in s.metrics.items() %}
<tr><td>{{ name }}</td><td class="num">{{ '%.3f'|format(m.precision) }}</td><td class="num">{{ '%.3f'|format(m.recall) }}</td>
<td class="num"><b>{{ '%.3f'|format(m.f1) }}</b></td><td class="num">{{ m.support }}</td><td class="num">{{ m.tp }}</td>
<td class="num">{{ m.fp }}</td><td class="num">{{ m.fn }}</td>
{% if base and base.metrics %}{% set b = base.metrics.get(name) %}
<td class="num">{% if b %}{{ '%.3f'|format(b.f1) }}{% endif %}</td>
<td class="num {% if b and m.f1 - b.f1 < -0.02 %}bad{% elif b and m.f1 > b.f1 %}good{% endif %}">{% if b %}{{ '%+.3f'|format(m.f1 - b.f1) }}{% endif %}</td>{% endif %}</tr>
{% endfor %}</table>
{% endif %}

{% if base %}
<h2>Against the baseline</h2>
<div class="side">
<div><h3>baseline</h3><p>mean {{ base.mean_score }} &middot; {{ base.n }} cases</p></div>
<div><h3>this run</h3><p>mean {{ s.mean_score }} ({{ '%+.2f'|format(s.baseline.delta_mean) }}) &middot; {{ s.n }} cases</p></div>
</div>
{% if changes %}<h3>Largest score changes</h3>
<table><tr><th>id</th><th>baseline</th><th>now</th><th>&Delta;</th><th>flags then</th><th>flags now</th></tr>
{% for c in changes %}<tr><td>{{ c.id }}</td><td class="num">{{ c.before }}</td><td class="num">{{ c.after }}</td>
<td class="num {% if c.delta < 0 %}bad{% else %}good{% endif %}">{{ '%+.1f'|format(c.delta) }}</td>
<td>{{ c.flags_before|join(', ') }}</td><td>{{ c.flags_after|join(', ') }}</td></tr>{% endfor %}</table>
{% for c in changes[:5] %}<div class="case side"><div><b>{{ c.id }}</b> baseline ({{ c.before }})<br>{{ c.reply_before }}</div>
<div><b>{{ c.id }}</b> now ({{ c.after }})<br>{{ c.reply_after }}</div></div>{% endfor %}
{% endif %}
{% endif %}

<h2>Worst cases</h2>
{% for w in worst %}
<div class="case"><b>{{ w.id }}</b> &middot; score {{ '%.1f'|format(w.score) }}
{% for f in w.flags %} <span class="flag">{{ f }}</span>{% endfor %}
{% if w.labels %}<span class="muted">labels: {{ w.labels }}</span>{% endif %}
{% if w.error %}<p class="bad">{{ w.error }}</p>{% endif %}
<p>{{ w.html }}</p>
<ul>{% for r in w.reasons %}<li><b>{{ r.check }}</b>: {{ r.message }}{% if r.span %} &mdash; &ldquo;{{ r.span }}&rdquo;{% endif %}</li>{% endfor %}</ul>
</div>
{% endfor %}
</body></html>
"""


def render_report(rows: Sequence[Mapping[str, Any]], summary: Mapping[str, Any],
                  base: Mapping[str, Any] | None = None,
                  base_rows: Mapping[str, Mapping[str, Any]] | None = None, worst_n: int = 15) -> str:
    """Self-contained HTML (inline CSS + SVG, no scripts); all user text is escaped."""
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    worst = []
    for r in sorted(rows, key=lambda r: (r.get("score", 0.0), str(r.get("id"))))[:worst_n]:
        spans, reasons = [], []
        for name, c in (r.get("checks") or {}).items():
            if c.get("passed"):
                continue
            for rs in c.get("reasons") or []:
                sp = rs.get("span")
                reasons.append({"check": name, "message": rs.get("message", ""), "span": sp["text"] if sp else None})
                if sp:
                    spans.append((sp["start"], sp["end"], f"{name}: {rs.get('message', '')}"))
        worst.append({"id": r.get("id"), "score": r.get("score", 0.0), "flags": r.get("flags") or [],
                      "labels": ", ".join(k for k, v in (r.get("labels") or {}).items() if v),
                      "error": r.get("error"), "html": highlight(r.get("reply") or "", spans), "reasons": reasons})
    changes = []
    if base_rows:
        for r in rows:
            b = base_rows.get(str(r.get("id")))
            if b is None or "score" not in b or "score" not in r:
                continue
            changes.append({"id": r["id"], "before": b["score"], "after": r["score"],
                            "delta": round(r["score"] - b["score"], 1), "flags_before": b.get("flags") or [],
                            "flags_after": r.get("flags") or [], "reply_before": b.get("reply", ""),
                            "reply_after": r.get("reply", "")})
        changes = sorted((c for c in changes if c["delta"] != 0), key=lambda c: (-abs(c["delta"]), str(c["id"])))[:20]
    hist_svg = _histogram_svg(summary["histogram"], (base or {}).get("histogram"))
    return env.from_string(_TEMPLATE).render(s=summary, base=base, worst=worst, changes=changes, hist_svg=hist_svg)
