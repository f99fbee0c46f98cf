"""deflection: the customer is sent elsewhere and nobody owns the problem.

A redirect is an instruction to the customer (imperative, polite -han form, "voit/kannattaa
+ verb", "please ...", "you can/should ...", "the best step is to ...") to contact /
visit / fill in / call, with a target that is somewhere else (branch, another team, a
form, a website, a phone number, "us" via another channel) -- or a routing statement
("X-asioissa sinua palvelee Y", "are handled by our Y team rather than ...").

It is *not* deflection when the writer owns the next step: a first-person action that is
done or committed with a time ("Olen välittänyt asian lainatiimille, ja he soittavat
sinulle huomenna klo 12 mennessä", "selvitän ja palaan asiaan tänään klo 15 mennessä").
Replying in this same conversation ("vastaa tähän viestiin", "reply to this email") is
not a redirect either.
"""

from __future__ import annotations

from typing import Sequence

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context
from copilot.review.model import CheckResult
from copilot.review.text import Token

NAME = "deflection"
FAIL_AT = 0.5

# verbs that send the customer somewhere by themselves ("soita", "ota yhteyttä", "asioi")
_FI_INHERENT = frozenset(["soittaa", "asioida", "vierailla"])
_FI_NEEDS_TARGET = frozenset(L.FI_CONTACT_VERBS)
_FI_DIRECTIVE_MODALS = frozenset(["voit", "voitte", "voisit", "voisitte", "kannattaa", "kannattaisi",
                                  "pitää", "täytyy", "tulee", "tarvitset", "tarvitsette", "pyydämme",
                                  "pyydän", "suosittelemme", "suosittelen", "kehotamme", "ohjaamme",
                                  "neuvomme", "voitkin", "kannattaakin"])
_EN_INHERENT = frozenset(["call", "phone", "ring", "contact", "visit", "dial"])
_EN_MODAL_YOU = frozenset(["can", "could", "may", "should", "need", "must", "have", "will", "'ll", "might"])
_EN_RECOMMEND = frozenset(["recommend", "suggest", "advise", "ask", "encourage", "invite", "urge"])
_EN_CLAUSE_START = frozenset(["and", "or", "then", "so", "just", "simply", "also", "kindly", "please", "first"])
_GENERIC_CLOSING_FI = ("kysyttävää", "kysymyksiä", "lisätietoja", "lisäkysymyksiä", "muuta", "epäselvää")
_GENERIC_CLOSING_EN = ("questions", "question", "anything", "further", "else", "concerns")


def _targets(ctx: Context, toks: Sequence[Token], text: str) -> list[Token] | None:
    """Tokens naming a place elsewhere; [] if the clause points back into this conversation."""
    here = L.FI_HERE if ctx.lang == "fi" else L.EN_HERE
    if any(here.match(t) for t in toks):
        return []
    lex = L.FI_TARGETS if ctx.lang == "fi" else L.EN_TARGETS
    found = [t for t in toks if lex.match(t) and not t.has("2p")]
    # "your old housing company" is a target; "your account" is not -> possessive-2p only for target nouns
    found += [t for t in toks if t.has("poss2") and lex.match(t) and t not in found]
    if not toks:
        return found
    s, e = toks[0].start, toks[-1].end
    seg = ctx.reply_text[s:e]
    for rx in (S.URL_RE, S.EMAIL_RE, S.PHONE_RE):
        m = rx.search(seg)
        if m:
            found.append(next((t for t in toks if t.start >= s + m.start()), toks[-1]))
    if ctx.lang == "en" and any(t.low in ("us",) for t in toks):
        found += [t for t in toks if t.low == "us"]
    if ctx.lang == "fi" and any(t.low in ("meille", "meihin", "meitä") for t in toks):
        found += [t for t in toks if t.low in ("meille", "meihin", "meitä")]
    return found


def _fi_directive(toks: Sequence[Token]) -> list[tuple[float, Token, bool]]:
    """(strength, verb token, inherent) for instruction-like uses of contact verbs."""
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        lem = t.vlemma or t.lemma
        if lem not in _FI_NEEDS_TARGET and lem not in _FI_INHERENT:
            continue
        inherent = lem in _FI_INHERENT or (lem in ("ottaa", "olla") and any(
            u.lemma in ("yhteys", "yhteydessä") or u.low.startswith("yhtey") for u in toks[i + 1:i + 3])) or \
            (lem == "kääntyä")
        if S.negated(toks, i, 2):
            continue
        if t.has("imp"):
            ambiguous = "3sg" in t.feats
            prev = toks[i - 1].low if i else ""
            if ambiguous and i > 0 and prev not in ("ja", "tai", "niin", "sitten", "ensin", "vain", "nyt",
                                                    "myös", "siis", "joten", "ole", "hyvä"):
                continue
            out.append((1.0, t, inherent))
        elif t.has("2p") and t.has("clitic"):  # "varaathan", "otattehan", "tarkistathan"
            out.append((1.0, t, inherent))
        elif "inf" in t.feats or "inf3" in t.feats:
            prev = [u.low for u in toks[max(0, i - 3):i]]
            if any(p in _FI_DIRECTIVE_MODALS for p in prev):
                out.append((0.9, t, inherent))
        elif t.has("2p") and ("verb" in t.feats) and not t.has("past"):
            # "kun tulet käymään liikkeessämme", "jos soitat numeroon ..."
            out.append((0.7, t, inherent))
        elif lem == "käydä" and any(u.has("2p") and u.has("verb") for u in toks[max(0, i - 2):i]):
            out.append((0.7, t, inherent))
    # "tule käymään": the 2nd verb is an inf3 after an imperative
    return out


def _en_directive(toks: Sequence[Token]) -> list[tuple[float, Token, bool]]:
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not L.EN_CONTACT_VERBS.match(t) and t.low not in ("get",):
            continue
        if t.low.endswith(("ed", "s")) and t.low not in ("chess",):
            if not (t.low.endswith("ing")):
                # "called", "contacts": not an instruction
                if t.low != t.lemma:
                    continue
        inherent = t.lemma in _EN_INHERENT or (t.low in ("get", "reach") and any(
            u.low in ("touch", "out") for u in toks[i + 1:i + 3]))
        prev = [u.low for u in toks[max(0, i - 4):i]]
        if S.negated(toks, i, 2):
            continue
        strength = 0.0
        if i == 0 or (prev and prev[-1] in _EN_CLAUSE_START):
            strength = 1.0 if t.low == t.lemma else 0.0
        if "please" in prev or "kindly" in prev:
            strength = 1.0
        if "you" in prev and any(p in _EN_MODAL_YOU for p in prev):
            strength = max(strength, 0.9)
        if any(p in ("step", "way", "option", "best", "fastest", "quickest") for p in prev) and "to" in prev:
            strength = max(strength, 1.0)
        if any(p in _EN_RECOMMEND for p in prev) and not any(p in ("i've", "we've") for p in prev):
            strength = max(strength, 0.9)
        if "free" in prev and "feel" in prev:
            strength = max(strength, 0.5)
        if t.low.endswith("ing") and "keep" in prev:
            strength = max(strength, 1.0)
        if strength:
            out.append((strength, t, inherent))
    return out


def _routing(ctx: Context, toks: Sequence[Token]) -> Token | None:
    """'X-asioissa sinua palvelee Y' / 'are handled by our Y team rather than customer service'."""
    if any(("1sg" in t.feats or "pron1" in t.feats) for t in toks):
        return None
    if ctx.lang == "fi":
        verb = next((t for t in toks if L.FI_ROUTING_VERBS.match(t) and ("3sg" in t.feats or "3pl" in t.feats
                                                                         or t.low.endswith(("vat", "vät", "ee")))),
                    None)
        if verb is None:
            return None
        targets = [t for t in toks if L.FI_TARGETS.match(t)]
        matter = any(t.low.endswith(("asioissa", "asioista", "asiat")) or t.low.endswith("ssa") and
                     t.low.endswith(("misessa", "misessä")) for t in toks)
        return verb if targets and (matter or any(t.has("poss1pl") for t in targets)) else None
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        if t.low in ("handled", "dealt", "managed", "processed", "covered") and "by" in lows[i + 1:i + 3]:
            if any(L.EN_TARGETS.match(u) for u in toks[i + 1:]):
                return t
        if t.low in ("cannot", "can't", "unable") and any(w in ("help", "assist", "handle", "deal")
                                                          for w in lows[i + 1:i + 4]):
            return t
    return None


def _generic_closing(ctx: Context, toks: Sequence[Token]) -> bool:
    words = _GENERIC_CLOSING_FI if ctx.lang == "fi" else _GENERIC_CLOSING_EN
    return any(t.low in ("jos", "if") for t in toks[:3]) and any(t.low in words for t in toks)


def ownership_level(ctx: Context) -> tuple[float, str]:
    """1.0 done/committed with a time, 0.6 a concrete first-person action, 0.3 a bare promise, 0 none."""
    kinds = {a.kind for _, a in ctx.actions}
    committed_by_writer = any(any(a for s2, a in ctx.actions if s2 is sg) for sg in ctx.commitments)
    if committed_by_writer or (kinds & {"done"} and ctx.commitments):
        return 1.0, "committed"
    if "done" in kinds:
        return 0.7, "done"
    if "will" in kinds:
        return 0.5, "will"
    if kinds & {"handoff", "offer"}:
        return 0.3, "handoff"
    return 0.0, "none"


def check(ctx: Context) -> CheckResult:
    if ctx.lang not in ("fi", "en"):
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, applicable=False)
    hits: list[Hit] = []
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting", "closer"):
            continue
        for clause in sg.clauses() or [sg.tokens]:
            dirs = _fi_directive(clause) if ctx.lang == "fi" else _en_directive(clause)
            for strength, verb, inherent in dirs:
                here = L.FI_HERE if ctx.lang == "fi" else L.EN_HERE
                if any(here.match(t) for t in clause):
                    continue  # "vastaa tähän viestiin", "reply to this email"
                tg = _targets(ctx, clause, ctx.reply_text) or _targets(ctx, sg.tokens, ctx.reply_text) or []
                if not tg and not inherent:
                    continue
                w = strength * (1.0 if tg else 0.7)
                if _generic_closing(ctx, sg.tokens):
                    w *= 0.3
                toks = sorted([verb] + list(tg[:1]), key=lambda t: t.start)
                hits.append(hit(w, "deflection.redirect", toks))
            r = _routing(ctx, clause)
            if r is not None:
                hits.append(hit(0.9, "deflection.routing", list(clause)))
    if not hits:
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, ownership="n/a")
    own, own_kind = ownership_level(ctx)
    strengths = sorted((h.weight for h in hits), reverse=True)
    redirect = strengths[0] + 0.15 * sum(1 for w in strengths[1:] if w >= 0.7)
    severity = clamp(min(1.0, redirect) * (1.0 - 0.75 * own))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.3 else reasons_from_hits(ctx, hits, limit=2),
                  severity=severity, redirect=round(redirect, 3), ownership=own_kind,
                  hits=[(h.key, h.weight, ctx.reply_text[h.start:h.end]) for h in hits])
