"""Small helpers shared by the check modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from copilot.review.context import Context
from copilot.review.hints import hint
from copilot.review.model import CheckResult, Reason, Span
from copilot.review.text import Token


@dataclass(frozen=True)
class Hit:
    """One piece of evidence found by a check: weight, hint key and where it is."""

    weight: float
    key: str
    start: int
    end: int


def hit(weight: float, key: str, toks: Sequence[Token] | None = None, *, start: int | None = None,
        end: int | None = None) -> Hit:
    if toks:
        return Hit(weight, key, toks[0].start, toks[-1].end)
    return Hit(weight, key, start or 0, end or 0)


def span(ctx: Context, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    return Span(start, end, ctx.reply_text[start:end])


def reason(ctx: Context, key: str, start: int | None = None, end: int | None = None, **kw: str) -> Reason:
    sp = span(ctx, start, end) if start is not None and end is not None else None
    return Reason(hint(key, ctx.hint_lang, **kw), sp)


def reasons_from_hits(ctx: Context, hits: list[Hit], limit: int = 3) -> list[Reason]:
    """Strongest hits first, one reason per distinct span, deterministic order."""
    out: list[Reason] = []
    seen: set[tuple[int, int]] = set()
    for h in sorted(hits, key=lambda h: (-h.weight, h.start, h.key)):
        if (h.start, h.end) in seen:
            continue
        seen.add((h.start, h.end))
        out.append(reason(ctx, h.key, h.start, h.end))
        if len(out) >= limit:
            break
    return out


def clamp(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else round(x, 4)


def result(name: str, kind: str, score: float, passed: bool, reasons: list[Reason],
           **details) -> CheckResult:
    return CheckResult(name=name, kind=kind, score=clamp(score), passed=passed, reasons=reasons,  # type: ignore[arg-type]
                       details=details)
