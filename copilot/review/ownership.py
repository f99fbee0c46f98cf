"""ownership: the writer acts in the first person and gives a next step with a time.

1.0 a first-person action with a concrete time ("avaan tilin tänään klo 15 mennessä",
    "I'll email you by 13:00") or a done action plus a timed next step
0.8 a done action ("avasin korttisi", "I've cancelled it"), or a named person committed
    to contact the customer at a time ("Sari soittaa sinulle tänään klo 15 mennessä")
0.6 a first-person promise without a time
0.4 an offer / forward without a time ("voin avata", "olen välittänyt")
0.2 only a vague time ("mahdollisimman pian")
"""

from __future__ import annotations

from copilot.review import signals as S
from copilot.review.base import reason, result
from copilot.review.context import Context
from copilot.review.model import CheckResult

NAME = "ownership"
PASS_AT = 0.5


def check(ctx: Context) -> CheckResult:
    kinds = [a.kind for _, a in ctx.actions]
    committed_sgs = {id(sg) for sg in ctx.commitments}
    writer_timed = any(id(sg) in committed_sgs for sg, _ in ctx.actions)
    third_party = bool(ctx.commitments) and not writer_timed
    if writer_timed:
        score = 1.0
    elif "done" in kinds:
        score = 0.9 if third_party else 0.8
    elif third_party:
        score = 0.8
    elif "will" in kinds:
        score = 0.6
    elif kinds:
        score = 0.4
    elif S.has_vague_time(ctx.reply_text):
        score = 0.2
    else:
        score = 0.0
    if score >= 0.8:
        reasons = []
    elif score >= PASS_AT:
        reasons = [reason(ctx, "ownership.no_time")]
    else:
        reasons = [reason(ctx, "ownership.missing")]
    return result(NAME, "positive", score, score >= PASS_AT, reasons, actions=sorted(set(kinds)),
                  timed=writer_timed or third_party)
