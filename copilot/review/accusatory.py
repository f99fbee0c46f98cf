"""accusatory: blame, reprimand, suspicion, "as you were already told", rule-quoting at the customer.

General constructions, not phrase lists:

- second-person counterfactual / failure: "olisit voinut välttää", "sinun olisi pitänyt",
  "olet rikkonut", "et ole lukenut", "you should have", "you failed to", "you didn't read"
- "as (already) told": kuten + say-verb (not "kuten kerroit"), "as we have already explained"
- "don't contact us again": negative imperative + contact verb
- responsibility put on the customer: vastuu/responsible + you / the customer / own
- suspicion aimed at the customer: väärinkäyttö/fraud + indicates / your account
- generic blame: quantifier ("suurin osa", "almost always") + cause + customer side
- reprimands and passive aggression: duplicate requests, "toivomme kärsivällisyyttä", "kun ehtii"
- rule quoting as a reproach: instructions/terms + "clearly" / "kuten"

A neutral statement of a rule ("Kortti suljetaan automaattisesti, jos ...") has none of
these: no second-person blame, no counterfactual, no reproach marker. Negated clauses
("ei johdu sinusta", "not anything you did") are exculpations and never count.
"""

from __future__ import annotations

from typing import Sequence

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context
from copilot.review.model import CheckResult
from copilot.review.text import Token

NAME = "accusatory"
FAIL_AT = 0.9

_FI_COUNTERFACTUAL_PART = frozenset(["pitää", "kannattaa", "voida", "tulla", "täytyä", "tarvita", "saada"])
_FI_CONTACT_BAN = frozenset(["ottaa", "soittaa", "lähettää", "kirjoittaa", "olla", "kysyä"])
_EN_DUTY = frozenset("read follow check update notify inform tell pay register enter provide verify activate "
                     "keep protect secure change report save answer respond use".split())
_EN_FAILURE = frozenset("fail failed neglect neglected forget forgot forgotten break broke broken violate "
                        "violated breach breached ignore ignored misuse misused share shared reuse reused "
                        "disclose disclosed cause caused".split())
_EN_SAY = frozenset("tell told inform informed explain explained state stated mention mentioned advise "
                    "advised say said point pointed note noted remind reminded instruct instructed".split())


def _clause_neg(clause: Sequence[Token]) -> bool:
    return any(t.has("neg") for t in clause)


def _has_1p(clause: Sequence[Token]) -> bool:
    return any(("1sg" in t.feats or "1pl" in t.feats or "pron1" in t.feats or "pron1pl" in t.feats)
               and "poss1pl" not in t.feats for t in clause)


def _fi_hits(clause: Sequence[Token], sent: Sequence[Token]) -> list[Hit]:
    hits: list[Hit] = []
    n = len(clause)
    neg = _clause_neg(clause)
    has2 = any(t.has("2p") for t in clause)
    for i, t in enumerate(clause):
        lem = t.vlemma or t.lemma
        # 1) counterfactual reproach: olisit/olisitte + participle; sinun olisi pitänyt; olisi kannattanut
        if t.low in ("olisit", "olisitte") and not S.negated(clause, i, 2):
            part = next((u for u in clause[i + 1:i + 4] if u.has("part")), None)
            if part is not None:
                hits.append(hit(1.0, "accusatory.counterfactual", [t, part]))
                continue
        if t.low in ("olisi",) and not S.negated(clause, i, 2):
            part = next((u for u in clause[i + 1:i + 3] if u.has("part")), None)
            if part is not None and (part.vlemma or part.lemma) in _FI_COUNTERFACTUAL_PART:
                gen2 = any(u.low in ("sinun", "teidän") for u in clause[max(0, i - 3):i + 3])
                if gen2:
                    hits.append(hit(1.0, "accusatory.counterfactual", [t, part]))
                elif (part.vlemma or part.lemma) == "kannattaa" and not _has_1p(clause):
                    hits.append(hit(0.8, "accusatory.counterfactual", [t, part]))
                elif not _has_1p(clause) and not neg and (part.vlemma or part.lemma) in ("pitää", "tulla"):
                    hits.append(hit(0.5, "accusatory.counterfactual", [t, part]))
        # 2) second person + failure verb: "olet rikkonut", "unohdit", "olet luovuttanut tunnuksesi"
        if lem in L.FI_FAILURE_VERBS and not S.negated(clause, i, 3):
            if t.has("2p") or (t.has("part") and any(u.low in ("olet", "olette", "olit", "olitte")
                                                     for u in clause[max(0, i - 3):i])):
                hits.append(hit(1.0, "accusatory.failure", clause[max(0, i - 1):i + 1]))
        # 3) "et ole lukenut / et noudattanut / koska et ilmoittanut"
        if t.low in ("et", "ette", "etkä", "ettekä"):
            for u in clause[i + 1:i + 4]:
                ul = u.vlemma or u.lemma
                if ul in L.FI_DUTY_VERBS and (u.has("part") or u.has("conneg")):
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
        # 4) "kuten (jo) kerrottiin / kerroimme" -- not "kuten kerroit" (the customer said)
        if t.low == "kuten":
            for u in clause[i + 1:i + 5]:
                ul = u.vlemma or u.lemma
                if ul in L.FI_SAY_VERBS:
                    if u.has("2p") and not u.has("pass"):
                        break
                    w = 1.0 if any(v.low in ("jo", "aiemmin", "useasti", "jälleen", "edellä")
                                   for v in clause[i + 1:i + 5]) or has2 else 0.8
                    hits.append(hit(w, "accusatory.as_told", [t, u]))
                    break
                if L.FI_RULE_REF.match(u):
                    hits.append(hit(0.6, "accusatory.rule_quote", [t, u]))
                    break
        # "(olemme) jo (useaan kertaan) kertoneet", "jälleen kerran"
        if t.low in ("jo", "jälleen", "taas") and i + 1 < n:
            for u in clause[i + 1:i + 4]:
                ul = u.vlemma or u.lemma
                if ul in L.FI_SAY_VERBS and not (u.has("2p") and not u.has("pass")) and \
                        (u.has("part") or u.has("past") or u.has("pass")):
                    hits.append(hit(0.9, "accusatory.as_told", [t, u]))
                    break
        # 5) "älä ota enää yhteyttä"
        if t.low in ("älä", "älkää"):
            for u in clause[i + 1:i + 4]:
                if (u.vlemma or u.lemma) in _FI_CONTACT_BAN:
                    hits.append(hit(1.0, "accusatory.dont_contact", [t, u]))
                    break
        # 6) responsibility on the customer
        if L.FI_RESPONSIBILITY.match(t) and not neg and not _has_1p(clause):
            near = clause[max(0, i - 4):i + 4]
            if any(u.has("2p") or L.FI_CUSTOMER_3P.match(u) or u.low.startswith("oma") for u in near):
                hits.append(hit(0.8, "accusatory.responsibility", [t]))
        # 7) suspicion aimed at the customer
        if L.FI_SUSPICION.match(t) and not S.negated(clause, i, 4):
            w = 0.4
            if any(L.FI_INDICATE.match(u) for u in sent):
                w = 0.9
            elif has2:
                w = 0.6
            hits.append(hit(w, "accusatory.suspicion", [t]))
        # 9) reprimand / passive aggression
        if L.FI_REPRIMAND.match(t) and not neg:
            hits.append(hit(0.7 if any(u.low == "vain" for u in clause) or has2 else 0.5,
                            "accusatory.reprimand", [t]))
        if L.FI_PATIENCE.match(t) and not neg:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem == "ehtiä" and any(u.low == "kun" for u in clause[max(0, i - 3):i]) and not has2:
            hits.append(hit(0.6, "accusatory.reprimand", clause[max(0, i - 2):i + 1]))
        if t.low == "itse" and any(u.has("cond") for u in clause) and not _has_1p(clause):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        # 11) "tarkista(than) ensin omat laitteesi ennen kuin ..."
        if t.low == "ensin" and any(u.has("2p") or u.has("imp") for u in clause) and \
                any(u.low.startswith("oma") or u.low == "ennen" for u in sent):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        # 10) rule quoting as reproach
        if L.FI_CLEARLY.match(t) and any(L.FI_RULE_REF.match(u) for u in sent):
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        # 12) risk judgement of the customer's choice
        if L.FI_RISK.match(t) and any(u.low in ("aina", "oma", "omalla") or u.has("2p") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
    # 8) generic blame: "suurin osa vioista johtuu asiakkaan omista laitteista"
    if any(L.FI_QUANT_GENERIC.match(t) for t in sent) and any(L.FI_CAUSE.match(t) for t in sent) and \
            any(L.FI_CUSTOMER_SIDE.match(t) for t in sent) and not _clause_neg(sent):
        hits.append(hit(0.9, "accusatory.generic_blame", list(sent)))
    return hits


def _en_hits(clause: Sequence[Token], sent: Sequence[Token]) -> list[Hit]:
    hits: list[Hit] = []
    n = len(clause)
    neg = _clause_neg(clause)
    has2 = any(t.has("2p") for t in clause)
    lows = [t.low for t in clause]
    for i, t in enumerate(clause):
        low = t.low
        nxt = lows[i + 1:i + 5]
        # 1) you should/could/ought to have + participle; if you had read
        if low in ("you", "you'd") and nxt:
            j = 0
            if low == "you" and nxt[0] in ("should", "could", "ought", "would", "might", "should've",
                                           "could've", "would've"):
                seq = nxt
                if any(w in ("not", "never") or w.endswith("n't") for w in seq[:2]):
                    pass
                elif seq[0].endswith("'ve") or (len(seq) > 1 and seq[1] == "have") or \
                        (len(seq) > 2 and seq[1] == "to" and seq[2] == "have"):
                    tail = seq[1:4]
                    if "had" not in tail[:2] or "to" not in tail:
                        hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 3]))
            del j
        if low == "if" and nxt[:2] and nxt[0] == "you" and len(nxt) > 1 and nxt[1] == "had":
            if len(nxt) > 2 and (clause[i + 3].has("part") or nxt[2] in _EN_DUTY):
                hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 4]))
        # 2) you + failure verb; your fault/mistake
        if low in ("you", "you've", "you'd") and not neg:
            for u in clause[i + 1:i + 4]:
                if u.low in _EN_FAILURE or u.lemma in ("fail", "neglect", "forget", "violate", "breach",
                                                       "ignore", "misuse"):
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
                if u.low not in ("have", "had", "clearly", "simply", "already", "obviously", "then"):
                    break
        if low == "your" and i + 1 < n and L.EN_BLAME_NOUN.match(clause[i + 1]) and not S.negated(clause, i, 3):
            hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2]))
        # 3) you didn't read / haven't followed / never checked
        if low in ("you",) and nxt:
            if nxt[0] in ("didn't", "haven't", "hadn't", "never", "did", "have", "had") and len(nxt) > 1:
                k = 1
                if nxt[0] in ("did", "have", "had") and nxt[1] in ("not", "never"):
                    k = 2
                elif nxt[0] in ("did", "have", "had"):
                    k = -1
                if k > 0 and len(nxt) > k:
                    verb = clause[i + 1 + k]
                    if verb.lemma in _EN_DUTY or verb.low in _EN_DUTY:
                        hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2 + k]))
        # 4) "as (we have) already told you", "as previously stated", "as our X has already told you"
        if low == "as" and nxt and nxt[0] not in ("soon", "well", "much", "long", "far", "quickly", "possible"):
            window = clause[i + 1:i + 7]
            for k, u in enumerate(window):
                if u.low in _EN_SAY or u.lemma in ("tell", "explain", "inform", "state", "mention", "advise"):
                    before = [w.low for w in window[:k]]
                    if before[:1] == ["you"] and not any(w in ("were", "have", "'ve", "had") for w in before[1:]):
                        break  # "as you mentioned"
                    w = 1.0 if any(b in ("already", "previously", "repeatedly", "before", "clearly")
                                   for b in before) or k + 1 < len(window) and window[k + 1].low == "you" \
                        or before[:1] == ["you"] else 0.7
                    hits.append(hit(w, "accusatory.as_told", [t, u]))
                    break
        if low in ("already", "previously") and nxt and nxt[0] in _EN_SAY and "you" in nxt[:3]:
            hits.append(hit(1.0, "accusatory.as_told", clause[i:i + 2]))
        if low in ("once", "yet") and nxt[:1] == ["again"]:
            hits.append(hit(0.5, "accusatory.as_told", clause[i:i + 2]))
        if low == "for" and len(nxt) >= 2 and nxt[0] == "the" and nxt[1] in ("second", "third", "fourth",
                                                                             "last", "nth", "umpteenth"):
            hits.append(hit(0.6, "accusatory.as_told", clause[i:i + 3]))
        # 5) do not contact us again / stop calling
        if low in ("don't", "do", "stop", "please") and nxt:
            rest = nxt[:5]
            if (low == "stop" or "not" in rest[:1] or low == "don't") and any(
                    w in ("contact", "contacting", "call", "calling", "email", "emailing", "write", "writing",
                          "message", "messaging") for w in rest) and any(
                    w in ("again", "anymore", "further", "us") for w in rest):
                hits.append(hit(1.0, "accusatory.dont_contact", clause[i:i + 3]))
        # 6) responsibility on the customer
        if L.EN_RESPONSIBILITY.match(t) and not (neg and not any(w in ("cannot", "can't") for w in lows)):
            near = clause[max(0, i - 5):i + 5]
            if any(u.has("2p") or L.EN_CUSTOMER_3P.match(u) or u.low == "own" for u in near) \
                    and not any(u.low in ("we", "i", "our") and u is not t for u in clause[max(0, i - 3):i]
                                if u.low != "our"):
                hits.append(hit(0.8, "accusatory.responsibility", [t]))
        if low == "own" and i + 1 < n and clause[i + 1].low == "risk":
            hits.append(hit(0.8, "accusatory.responsibility", clause[i:i + 2]))
        # 7) suspicion
        if L.EN_SUSPICION.match(t) and not S.negated(clause, i, 4):
            w = 0.4
            if any(L.EN_INDICATE.match(u) for u in sent):
                w = 0.9
            elif has2:
                w = 0.5
            hits.append(hit(w, "accusatory.suspicion", [t]))
        # 9) reprimand / passive aggression
        if L.EN_REPRIMAND.match(t) and not neg:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if L.EN_PATIENCE.match(t) and not neg and any(u.low in ("be", "your", "ask", "appreciate", "request")
                                                      for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "instead" and nxt[:1] == ["of"] and any(u.has("2p") or u.low == "please" for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
        if low == "before" and nxt and nxt[0].endswith("ing") and nxt[0][:-3] in (
                "contact", "call", "report", "email", "writ", "complain") and any(
                u.low in ("first", "please", "own", "make") for u in sent):
            hits.append(hit(0.6, "accusatory.reprimand", clause[i:i + 2]))
        # 10) rule quoting as reproach
        if L.EN_CLEARLY.match(t) and any(L.EN_RULE_REF.match(u) for u in sent):
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        if low in ("per", "stated", "outlined") and any(L.EN_RULE_REF.match(u) for u in clause[i:i + 5]) \
                and has2:
            hits.append(hit(0.5, "accusatory.rule_quote", [t]))
        # 12) risk judgement
        if L.EN_RISK.match(t) and any(u.low in ("always", "your", "own") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        if low in ("cannot", "can't") and nxt[:2] == ["be", "responsible"] or \
                low in ("cannot", "can't") and nxt[:3] == ["be", "held", "responsible"]:
            if any(u.has("2p") for u in sent):
                hits.append(hit(0.8, "accusatory.responsibility", clause[i:i + 3]))
    if any(L.EN_QUANT_GENERIC.match(t) for t in sent) and any(L.EN_CAUSE.match(t) for t in sent) and \
            any(L.EN_CUSTOMER_SIDE.match(t) for t in sent) and not _clause_neg(sent):
        hits.append(hit(0.9, "accusatory.generic_blame", list(sent)))
    return hits


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per (key, start) keeping the strongest; responsibility double-counting removed."""
    best: dict[tuple[str, int], Hit] = {}
    for h in hits:
        k = (h.key, h.start)
        if k not in best or best[k].weight < h.weight:
            best[k] = h
    return sorted(best.values(), key=lambda h: (h.start, h.key))


def check(ctx: Context) -> CheckResult:
    if ctx.lang not in ("fi", "en"):
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, applicable=False)
    fn = _fi_hits if ctx.lang == "fi" else _en_hits
    hits: list[Hit] = []
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting"):
            continue
        for clause in sg.clauses():
            hits.extend(fn(clause, sg.tokens))
    hits = _dedupe(hits)
    # generic blame is found per clause of the same sentence: keep one per sentence span
    per_sentence: dict[int, float] = {}
    for sg in ctx.segs:
        tot = sum(h.weight for h in hits if sg.sentence.start <= h.start < sg.sentence.end)
        per_sentence[sg.sentence.index] = min(1.0, tot)
    severity = clamp(sum(sorted(per_sentence.values(), reverse=True)[:3]))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed, [] if passed else reasons_from_hits(ctx, hits),
                  severity=severity, hits=[(h.key, h.weight, ctx.reply_text[h.start:h.end]) for h in hits])
