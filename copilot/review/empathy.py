"""empathy: does the reply acknowledge *this* customer's situation?

1.0 an apology / acknowledgement tied to the customer's situation (same sentence names
    something from their message or addresses them about it)
0.6 an acknowledgement that stays generic ("sorry to hear that!")
0.3 only canned thanks ("kiitos viestistä", "thank you for your message")
0.0 nothing
"""

from __future__ import annotations

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import reason, result
from copilot.review.context import Context
from copilot.review.model import CheckResult

NAME = "empathy"
PASS_AT = 0.5


def check(ctx: Context) -> CheckResult:
    lex = L.FI_EMPATHY if ctx.lang == "fi" else L.EN_EMPATHY
    best = 0.0
    where = None
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting"):
            continue
        toks = sg.tokens
        if sg.role == "pleasantry":
            best = max(best, 0.3)
            continue
        emp = [i for i, t in enumerate(toks) if lex.match(t) and not S.negated(toks, i, 2)]
        thanks = [i for i, t in enumerate(toks) if t.lemma in ("kiitos", "kiittää", "thank", "thanks")]
        if not emp and not thanks:
            continue
        anchored = bool(ctx.message_tokens(toks) or ctx.specific_tokens(toks))
        if ctx.message is None:
            anchored = sum(1 for t in toks if t.content) >= 4
        if emp:
            val = 1.0 if anchored else 0.6
        else:
            val = 0.6 if anchored else 0.3
        if val > best:
            best, where = val, sg
    if best >= PASS_AT and best < 1.0 and where is not None:
        reasons = [reason(ctx, "empathy.generic", where.start, where.end)]
    elif best < PASS_AT:
        reasons = [reason(ctx, "empathy.missing")]
    else:
        reasons = []
    return result(NAME, "positive", best, best >= PASS_AT, reasons)
