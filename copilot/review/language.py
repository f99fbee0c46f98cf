"""language: the reply is written in the customer's language (Case.lang when forced)."""

from __future__ import annotations

from copilot.review.base import reason, result
from copilot.review.context import Context
from copilot.review.hints import lang_name
from copilot.review.model import CheckResult

NAME = "language"


def check(ctx: Context) -> CheckResult:
    want = ctx.customer_lang
    got = ctx.detected_lang
    if want is None or not ctx.reply_text.strip():
        return result(NAME, "positive", 1.0, True, [], applicable=False, reply_lang=got)
    ok = want == got
    reasons = [] if ok else [reason(ctx, "language.mismatch", want=lang_name(want, ctx.hint_lang))]
    return result(NAME, "positive", 1.0 if ok else 0.0, ok, reasons, reply_lang=got, customer_lang=want)
