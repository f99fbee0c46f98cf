"""empathy: does the reply acknowledge *this* customer's situation?

1.0 an apology / acknowledgement / validation tied to the customer's situation (the same
    sentence names something from their message: the deadline, the trip, the parcel ...)
0.7 a validation without such an anchor ("olet oikeassa", "you're right", "hyvä että ilmoitit")
0.6 an apology that stays generic ("sorry to hear that!")
0.5 no explicit acknowledgement, but the reply speaks to the customer's own situation
    (their details or topic words in a sentence addressed to them)
0.3 only canned thanks ("kiitos viestistä", "thank you for your message")
0.0 nothing
"""

from __future__ import annotations

from copilot.review import signals as S
from copilot.review.base import reason, result
from copilot.review.context import Context
from copilot.review.model import CheckResult

NAME = "empathy"
PASS_AT = 0.5
_THANKS = frozenset(["kiitos", "kiittää", "thank", "thanks", "kiitti"])
_FI_VALIDATE_PAIRS = (("hyvä", "että"), ("teit", "oikein"), ("ei", "hätää"), ("kiitos", "että"), ("kiitos", "kun"))
_EN_VALIDATE_PAIRS = (("you're", "right"), ("you", "right"), ("no", "worries"), ("i", "know"), ("can", "see", "why"),
                      ("thanks", "for"), ("thank", "you", "for"), ("good", "that"), ("glad", "you"),
                      ("must", "be"), ("of", "course"))


def check(ctx: Context) -> CheckResult:
    fi = ctx.lang == "fi"
    emp_name = "FI_EMPATHY" if fi else "EN_EMPATHY"
    val_name = "FI_VALIDATE" if fi else "EN_VALIDATE"
    pairs = _FI_VALIDATE_PAIRS if fi else _EN_VALIDATE_PAIRS
    best = 0.0
    where = None
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting"):
            continue
        toks = sg.tokens
        if sg.role == "pleasantry":
            if best < 0.3:
                best, where = 0.3, sg
            continue
        emp = any(emp_name in t.info.cls and not S.negated(toks, i, 2) for i, t in enumerate(toks))
        validate = any(val_name in t.info.cls for t in toks) and (
            any(S.find_phrase(toks, p, gap=1) for p in pairs) or not any(t.has("neg") for t in toks[:3])) \
            and not (not fi and not any(S.find_phrase(toks, p, gap=1) for p in pairs)
                     and not any(t.low in ("hope", "hopefully", "glad", "understandable") for t in toks))
        thanks_specific = any(t.lemma in _THANKS for t in toks) and len([t for t in toks if t.content]) >= 4
        if ctx.message is None:
            anchored = sum(1 for t in toks if t.content) >= 4
        else:
            anchored = bool(ctx.message_tokens(toks) or ctx.specific_tokens(toks))
        addressed = any(t.has("2p") for t in toks)
        if emp:
            val = 1.0 if anchored else 0.6
        elif validate or thanks_specific:
            val = 1.0 if anchored and addressed else 0.7
        elif anchored and addressed and len(ctx.message_tokens(toks)) >= 2:
            val = 0.5
        else:
            continue
        if val > best:
            best, where = val, sg
    if PASS_AT <= best < 1.0 and where is not None and best <= 0.6:
        reasons = [reason(ctx, "empathy.generic", where.start, where.end)]
    elif best < PASS_AT:
        reasons = [reason(ctx, "empathy.missing")]
    else:
        reasons = []
    return result(NAME, "positive", best, best >= PASS_AT, reasons)
