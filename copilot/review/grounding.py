"""grounding: numbers, durations, prices and promises in the reply are backed by the knowledge.

Claims are numbers in the body (durations "1–2 arkipäivää", amounts "€150", rates "1/30",
"24 hours") and promise words (free of charge, refund, compensation, guarantee). Not
claims: clock times and dates (the writer's own commitments), the customer's own codes and
numbers, phone numbers. Each claim is supported when its number / word stem appears in the
knowledge. Without knowledge the check is not applicable (score 1).
"""

from __future__ import annotations

import re

from copilot.review import signals as S
from copilot.review.base import reason, result
from copilot.review.context import Context, norm_number
from copilot.review.model import CheckResult

NAME = "grounding"
PASS_AT = 0.75
_PROMISE = re.compile(r"\b(maksutta|maksuton\w*|ilmaise\w*|ilmainen|hyvit(?!ys)\w*|korvaa\w*|korvat\w*|"
                      r"takaa\w*|free of charge|at no cost|refund(?:ed|s)?\b|compensat\w*|guarantee\w*|"
                      r"waive\w*)", re.I)
# a number is a claim when a unit follows (duration, money, percent, per-unit rate)
_UNIT = re.compile(r"^\s*(?:[–-]\s*\d+\s*)?(?:%|€|e\b|eur\w*|euro\w*|prosent\w*|(?:business\s+|banking\s+|working\s+)?"
                   r"(?:min\w*|h\b|hours?|tun\w*|päiv\w*|days?|arkipäiv\w*|pankkipäiv\w*|vrk|vuorokau\w*|"
                   r"viik\w*|weeks?|kuukau\w*|kk\b|months?|vuo\w*|years?|kertaa|times|gb|mb|kwh|km|kpl))", re.I)
_PROMISE_KB = {"maksut": ("maksut", "ilmai", "ei maksa", "veloituk"), "ilmai": ("maksut", "ilmai"),
               "hyvit": ("hyvit", "korva", "palaut"), "korva": ("korva", "hyvit"), "takuu": ("takuu", "taka"),
               "takaa": ("takuu", "taka"), "free": ("free", "no cost", "no charge", "waive"),
               "refund": ("refund", "restor", "credit", "reimburs"), "compensat": ("compensat", "credit"),
               "guarantee": ("guarantee",), "waive": ("waive", "no cost", "free")}


def _excluded(ctx: Context) -> list[tuple[int, int]]:
    text = ctx.reply_text
    spans = list(S.deadline_spans(text))
    for rx in (S.CLOCK_RE, S.DATE_RE, S.PHONE_RE, S.OPENING_HOURS_RE, S.URL_RE, S.EMAIL_RE):
        spans += [m.span() for m in rx.finditer(text)]
    # codes with letters (order ids) and the customer's own numbers
    codes = ctx.message.codes if ctx.message else frozenset()
    for t in ctx.doc.tokens:
        if "num" in t.feats and (t.low in codes or any(c.isalpha() for c in t.low)):
            spans.append((t.start, t.end))
    return spans


def check(ctx: Context) -> CheckResult:
    kb = ctx.kb
    if kb is None:
        return result(NAME, "positive", 1.0, True, [], applicable=False, claims=0)
    text = ctx.reply_text
    body_spans = [(sg.start, sg.end) for sg in ctx.segs if sg.role in ("body", "pleasantry")]

    def inside(s: int, e: int, spans) -> bool:
        return any(a <= s and e <= b for a, b in spans)

    def overlaps(s: int, e: int, spans) -> bool:
        return any(a < e and s < b for a, b in spans)

    candidates = []
    for m in S.NUMBER_CLAIM_RE.finditer(text):
        s, e = m.span()
        raw = m.group(0).strip()
        if not raw or not any(c.isdigit() for c in raw):
            continue
        if not _UNIT.match(text[e:e + 30]) and "€" not in raw and "%" not in raw and not re.search(r"/\d", raw):
            continue  # ids, counts and codes are not knowledge claims
        if inside(s, e, body_spans):
            candidates.append((s, e, raw))
    excluded = _excluded(ctx) if candidates else []
    withins = [mm.span() for mm in S.WITHIN_RE.finditer(text)] if candidates else []
    claims: list[tuple[int, int, bool]] = []
    for s, e, raw in candidates:
        if overlaps(s, e, excluded) and not any(a <= s and e <= b for a, b in withins):
            continue  # clock times, dates, phone numbers, codes ("30 minuutissa" stays a claim)
        val = norm_number(raw.strip("€ ").replace("euroa", "").replace("euro", "").replace("%", ""))
        nums = re.findall(r"\d+(?:\.\d+)?", val)
        ok = val in kb.numbers or (nums and all(n in kb.numbers for n in nums))
        claims.append((s, e, bool(ok)))
    for m in _PROMISE.finditer(text):
        s, e = m.span()
        if not inside(s, e, body_spans):
            continue
        word = m.group(0).lower()
        stem = next((k for k in _PROMISE_KB if word.startswith(k)), None)
        ok = stem is not None and any(v in kb.text_lower for v in _PROMISE_KB[stem])
        claims.append((s, e, ok))
    if not claims:
        return result(NAME, "positive", 1.0, True, [], applicable=True, claims=0)
    supported = sum(1 for c in claims if c[2])
    score = supported / len(claims)
    bad = [c for c in claims if not c[2]]
    reasons = [reason(ctx, "grounding.unsupported", s, e) for s, e, _ in bad[:3]]
    return result(NAME, "positive", score, score >= PASS_AT, reasons, applicable=True, claims=len(claims),
                  unsupported=[text[s:e] for s, e, _ in bad])
