"""accusatory: blame, reprimand, suspicion, "as you were already told", rule-quoting at the customer.

General constructions (Finnish via lemmas + verb person/mood from ``fi_morph``):

- hindsight reproach: counterfactual + a duty the customer "should" have done
  ("olisit voinut välttää", "sinun olisi pitänyt", "uusi numero olisi pitänyt päivittää",
  "olisi kannattanut sopia", "you should have read", "it should have been used") -- but
  not an admission ("sinun olisi pitänyt saada viesti", "you should have been told",
  "paketin ei olisi pitänyt päätyä ...");
- "could have been avoided / jotta tällaisilta tilanteilta vältytään";
- second-person failure: "olet rikkonut", "et ole lukenut", "you failed to", "you didn't
  read", "your mistake", suspicious questions "oletko jakanut salasanasi", "have you given
  your codes to anyone";
- "as (already) told / stated": kuten + say-verb, "mikä mainitaan ...", "tästä muistutettiin",
  "as stated in the terms", "the SMS clearly states" (not "kuten kerroit", "as you mentioned");
- hindsight advice: "jatkossa kannattaa ...", "in future we recommend ...", "read carefully",
  "check ... before contacting us";
- responsibility or risk put on the customer ("on asiakkaan vastuulla", "oma päätöksesi",
  "the customer's responsibility", "terms which you accepted");
- suspicion ("viittaa väärinkäyttöön", "typical pattern in fraud"), generic blame
  ("suurin osa vioista johtuu asiakkaan omista laitteista"), reprimands ("päällekkäisiä
  pyyntöjä", "toivomme kärsivällisyyttä", "kun ehtii", "do not contact us again").

A neutral statement of a rule carries none of these. Negated clauses ("ei johdu sinusta",
"not anything you did") are exculpations and never count. Evidence is summed per sentence
(capped at 1) and over the three strongest sentences; the check fails at ``FAIL_AT``.
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

_FI_CF_MODALS = frozenset(["pitää", "kannattaa", "voida", "tulla", "täytyä", "tarvita"])
_FI_CONTACT_BAN = frozenset(["ottaa", "soittaa", "lähettää", "kirjoittaa", "olla", "kysyä"])
_FI_AVOID = ("vältettäv", "vältyt", "vältty", "välttää", "välttä", "vältt", "estettävis")
_FI_HINDSIGHT = frozenset(["jatkossa", "vastedes", "tulevaisuudessa", "ensi kerralla", "seuraavalla"])
_FI_ADVICE = frozenset(["kannattaa", "kannattaisi", "suosittelemme", "suosittelen", "pitäisi", "tulisi",
                        "kehotamme", "muistathan", "huomioithan"])
_FI_CAREFUL = ("huolellise", "tarkemmin", "tarkkaan", "varovai", "huolella")
_FI_CREDENTIAL = ("tunnu", "salasan", "koodi", "tunnusluvu", "kortin tied", "korttitied", "pin")
_FI_DOUBT = ("todella", "väität", "väitte", "varmoja", "epäselvä")
_EN_DUTY = frozenset("read follow check update notify inform tell pay register enter provide verify activate "
                     "keep protect secure change report save answer respond use return collect plan order "
                     "book arrange agree confirm".split())
_EN_RECEIVE = frozenset("receive received get got gotten be been told informed warned notified given sent shown "
                        "heard seen had".split())
_EN_FAILURE = frozenset("fail failed neglect neglected forget forgot forgotten break broke broken violate "
                        "violated breach breached ignore ignored misuse misused disclose disclosed".split())
_EN_DISCLOSE = frozenset("share shared give given gave enter entered forward forwarded disclose disclosed reveal "
                         "revealed send sent pass passed hand handed".split())
_EN_CREDENTIAL = frozenset("code codes password passwords pin details credentials login card number".split())
_EN_SAY = frozenset("tell told inform informed explain explained state stated states mention mentioned advise "
                    "advised say said says point pointed note noted remind reminded instruct instructed show "
                    "shown shows warn warned specify specified outline outlined".split())
_EN_HINDSIGHT = ("in future", "in the future", "next time", "going forward", "for future", "from now on")
_EN_ADVICE = frozenset("recommend recommends suggest advise please should worth make ensure always".split())


def _neg(clause: Sequence[Token]) -> bool:
    return any(t.has("neg") for t in clause)


def _first_person(clause: Sequence[Token]) -> bool:
    return any(("1sg" in t.feats or "1pl" in t.feats or "pron1" in t.feats or "pron1pl" in t.feats)
               and "poss1pl" not in t.feats for t in clause)


def _apology(sent: Sequence[Token]) -> bool:
    """An apology / acknowledgement in the sentence turns a counterfactual into an admission."""
    lows = [t.low for t in sent]
    if any(("FI_EMPATHY" in t.info.cls) or ("EN_EMPATHY" in t.info.cls) for t in sent if not t.low.startswith("ymmärr")):
        return True
    return "oikeassa" in lows or ("right" in lows and any(w in ("you're", "you") for w in lows))


def _exculpated(sent: Sequence[Token]) -> bool:
    """"ei liity sinuun", "ei johdu sinusta", "not your fault", "nothing you did" in the sentence."""
    for i, t in enumerate(sent):
        if t.has("neg") or t.low in ("nothing", "nothing's"):
            if any(u.has("2p") for u in sent[i + 1:i + 5]):
                return True
    return False


def _lem(t: Token) -> str:
    return t.vlemma or t.lemma


def _fi_hits(clause: Sequence[Token], sent: Sequence[Token], question: bool) -> list[Hit]:
    hits: list[Hit] = []
    scls, ccls = L.union(sent), L.union(clause)
    neg = _neg(clause)
    has2 = any(t.has("2p") for t in clause)
    me = _first_person(clause)
    lows = [t.low for t in clause]
    for i, t in enumerate(clause):
        lem = _lem(t)
        low = t.low
        after = clause[i + 1:i + 5]
        # -- hindsight reproach: olisit(te) + participle / (sinun) olisi + pitänyt|kannattanut + duty
        if lem == "olla" and "cond" in t.feats and not S.negated(clause, i, 2):
            part = next((u for u in after[:3] if u.has("part")), None)
            if part is not None:
                plem = _lem(part)
                inf = next((u for u in clause[i + 2:i + 6] if "inf" in u.feats or u.has("pass")), None)
                admission = (inf is not None and _lem(inf) in L.FI_RECEIVE_VERBS) or _apology(sent)
                avoid = any(u.low.startswith(_FI_AVOID) for u in clause[i:i + 6])
                if t.has("2p") and not admission:
                    hits.append(hit(1.0, "accusatory.counterfactual", [t, part]))
                elif avoid:
                    hits.append(hit(0.9, "accusatory.counterfactual", [t, part]))
                elif plem in _FI_CF_MODALS and not admission and not me:
                    gen2 = any(u.low in ("sinun", "teidän") for u in clause[max(0, i - 3):i + 3])
                    hits.append(hit(1.0 if gen2 else 0.9, "accusatory.counterfactual", [t, part]))
            elif any(u.low.startswith(_FI_AVOID) for u in after):
                hits.append(hit(0.9, "accusatory.counterfactual", [t] + list(after[:2])))
            elif after and after[0].low in ("hyvä", "parempi", "syytä", "viisasta", "järkevää") and not me:
                hits.append(hit(0.7, "accusatory.counterfactual", [t, after[0]]))
        # "jotta tällaisilta tilanteilta vältytään", "tilanne olisi ollut vältettävissä"
        if low.startswith(("vältyt", "vältetää")) and any(u.low.startswith(("tällai", "näil", "täll"))
                                                          for u in clause):
            hits.append(hit(0.8, "accusatory.counterfactual", [t]))
        # -- second person + failure: "olet rikkonut", "oletko jakanut", "unohdit"
        if lem in L.FI_FAILURE_VERBS and not S.negated(clause, i, 3):
            aux2 = any(_lem(u) == "olla" and u.has("2p") for u in clause[max(0, i - 3):i])
            if t.has("2p") or (t.has("part") and aux2):
                hits.append(hit(1.0, "accusatory.failure", clause[max(0, i - 1):i + 1]))
        # "oletko antanut tunnuksesi jollekulle", "kortin tiedot ovat olleet jonkun toisen tiedossa"
        if lem in L.FI_DISCLOSE_VERBS and (question or t.has("2p") or any(
                _lem(u) == "olla" and u.has("2p") for u in clause[max(0, i - 3):i])):
            # "antamasi tiedot" (the details you gave us) is neutral: suspicion needs a question
            # or someone else on the receiving end
            third_party = any(u.low.startswith(("jonkun", "joku", "jollekul", "kenellekään", "ulkopuol", "toiselle",
                                                "muille", "huijari")) for u in clause)
            if any(u.low.startswith(_FI_CREDENTIAL) for u in clause) and not neg and (question or third_party):
                hits.append(hit(0.9, "accusatory.suspicion", [t]))
        if any(u.low.startswith(("jonkun", "joku", "jollekul", "kenellekään", "ulkopuol")) for u in [t]) and \
                any(u.low.startswith(_FI_CREDENTIAL) for u in sent) and not me and not neg:
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- "et ole lukenut / et noudattanut"
        if low in ("et", "ette", "etkä", "ettekä"):
            for u in after[:3]:
                if _lem(u) in L.FI_DUTY_VERBS and (u.has("part") or u.has("conneg")):
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
        # -- "kuten (jo) kerrottiin / ehdoissamme mainitaan" -- not "kuten kerroit"
        if low == "kuten":
            say = next((u for u in clause[i + 1:i + 6] if _lem(u) in L.FI_SAY_VERBS), None)
            if say is not None and not (say.has("2p") and not say.has("pass")):
                hits.append(hit(0.9 if not any(u.low in ("jo", "aiemmin", "useasti") for u in clause) and not has2
                                else 1.0, "accusatory.as_told", [t, say]))
            elif say is None and any(("FI_RULE_REF" in u.info.cls) for u in clause[i + 1:i + 5]):
                hits.append(hit(0.7, "accusatory.rule_quote", [t]))
        # "mikä mainitaan ...", "tästä muistutettiin kahdesti", "siitä kerrotaan näytöllä", "on varoitettu"
        if low in ("mikä", "mistä", "tästä", "siitä", "mitä", "joka", "josta", "tämä") and not me:
            say = next((u for u in after[:3] if _lem(u) in L.FI_SAY_VERBS and (u.has("pass") or "3sg" in u.feats
                                                                              or u.has("part"))), None)
            if say is not None and not say.has("2p"):
                hits.append(hit(0.8, "accusatory.as_told", [t, say]))
        if low in ("jo", "jälleen", "taas", "useaan", "kahdesti", "monesti"):
            for u in clause[max(0, i - 3):i + 4]:
                if _lem(u) in L.FI_SAY_VERBS and not (u.has("2p") and not u.has("pass")) and \
                        (u.has("part") or u.has("past") or u.has("pass")) and not me:
                    hits.append(hit(0.9, "accusatory.as_told", [t, u]))
                    break
        # -- clearly stated / rule reference
        if ("FI_CLEARLY" in t.info.cls) and (any(_lem(u) in L.FI_SAY_VERBS for u in sent)
                                              or "FI_RULE_REF" in scls):
            both = "FI_RULE_REF" in scls and any(_lem(u) in L.FI_SAY_VERBS for u in sent)
            hits.append(hit(0.9 if both else 0.8, "accusatory.rule_quote", [t]))
        if ("FI_RULE_REF" in t.info.cls) and any(_lem(u) == "hyväksyä" for u in clause) and not me:
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        if low.startswith(("tunnetusti", "yleisesti")) and any(u.low.startswith(("tiedos", "tunnet"))
                                                              for u in clause):
            hits.append(hit(0.7, "accusatory.rule_quote", [t]))
        # customers "should" (rule quoted at the customer)
        if ("FI_CUSTOMER_3P" in t.info.cls) and any(u.low in ("tulisi", "pitäisi", "täytyy", "tulee", "on")
                                             and "inf" in (clause[j + 1].feats if j + 1 < len(clause) else ())
                                             for j, u in enumerate(clause)) and not neg:
            hits.append(hit(0.6, "accusatory.rule_quote", [t]))
        # -- hindsight advice: "jatkossa kannattaa", "tarkistathan jatkossa", "lukea huolellisesti"
        if low in _FI_HINDSIGHT and (any(u.low in _FI_ADVICE for u in clause) or has2 or
                                     any(u.has("imp") or u.has("clitic") for u in clause)):
            hits.append(hit(0.9, "accusatory.reprimand", [t]))
        if low.startswith(_FI_CAREFUL) and (any(u.low in _FI_ADVICE for u in clause) or has2 or
                                            any(u.has("imp") for u in clause)):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "ennen" and i + 1 < len(clause) and clause[i + 1].low.startswith("yhteydenot"):
            hits.append(hit(0.6, "accusatory.reprimand", clause[i:i + 2]))
        if low == "ensin" and (has2 or any(u.has("imp") for u in clause)) and \
                any(u.low.startswith("oma") or u.low == "ennen" for u in sent):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem == "kannattaa" and any(u.low in ("yleensä", "vasta", "ajoissa", "etukäteen", "aina")
                                      or u.low.startswith("hyvissä") for u in clause) and not me:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem in ("suositella",) and ("1pl" in t.feats or "1sg" in t.feats) and any(
                u.low in ("aina",) or ("FI_CUSTOMER_3P" in u.info.cls) for u in clause):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        # -- "älä ota enää yhteyttä"
        if low in ("älä", "älkää"):
            for u in after[:3]:
                if _lem(u) in _FI_CONTACT_BAN:
                    hits.append(hit(1.0, "accusatory.dont_contact", [t, u]))
                    break
        # -- responsibility / own decision / risk on the customer
        if ("FI_RESPONSIBILITY" in t.info.cls) and not neg and not me:
            near = clause[max(0, i - 4):i + 4]
            if t.has("2p") or any(u.has("2p") for u in clause[max(0, i - 2):i + 2]):
                hits.append(hit(0.9, "accusatory.responsibility", [t]))
            elif any(u.has("2p") or ("FI_CUSTOMER_3P" in u.info.cls) or u.low.startswith("oma") for u in near):
                hits.append(hit(0.8, "accusatory.responsibility", [t]))
        if lem == "vastata" and "3sg" in t.feats and any(("FI_CUSTOMER_3P" in u.info.cls) for u in clause[:i]) \
                and any(u.low.startswith(("kaike", "käytö", "kulu", "maksu")) for u in after):
            hits.append(hit(0.8, "accusatory.responsibility", [t]))
        if low.startswith(("päätöks", "valintas", "päätös")) and low.endswith(("si", "nne")) and \
                any(u.low.startswith("oma") for u in clause[max(0, i - 2):i]):
            hits.append(hit(0.9, "accusatory.responsibility", clause[max(0, i - 1):i + 1]))
        if low in ("emme", "en") and any(u.low == "voi" for u in after[:1]) and \
                any(_lem(u) == "vastata" for u in after[1:3]):
            hits.append(hit(0.5, "accusatory.responsibility", clause[i:i + 3]))
        if ("FI_RISK" in t.info.cls) and any(u.low in ("aina", "oma", "omalla") or u.has("2p") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        if low.startswith("riskialt"):
            hits.append(hit(0.4, "accusatory.suspicion", [t]))
        # -- blame nouns: "vakavaa huolimattomuutta"
        if ("FI_BLAME_NOUN" in t.info.cls) and lem != "syy" and lem != "virhe" and not S.negated(clause, i, 4):
            hits.append(hit(0.9, "accusatory.failure", [t]))
        if low.startswith(("huolimattomasti", "varomattomasti", "ajattelemattomasti")) and not me:
            hits.append(hit(0.9, "accusatory.failure", [t]))
        # -- suspicion aimed at the customer
        if ("FI_SUSPICION" in t.info.cls) and not S.negated(clause, i, 4) and not low.startswith("tilikaappau"):
            w = 0.9 if "FI_INDICATE" in scls else 0.6 if has2 else 0.4
            hits.append(hit(w, "accusatory.suspicion", [t]))
        if lem == "olla" and t.has("2p") and question and any(u.low.startswith("varm") for u in after[:3]):
            hits.append(hit(0.7, "accusatory.suspicion", [t] + list(after[:2])))
        if low.startswith(("järjestelm", "tietojemme", "kirjaust", "seuran", "kuljettajan", "lokie", "lokin")) \
                and after[:1] and after[0].low == "mukaan" and not _apology(sent):
            hits.append(hit(0.3, "accusatory.suspicion", [t, after[0]]))  # evidence cited against the customer
        if low.startswith(_FI_DOUBT) and not me and (
                low.startswith(("väität", "väitte")) or any(u.low.startswith(("varmist", "olla", "tule", "pyyntö"))
                                                           for u in clause)) and not low.startswith("epäselvä"):
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- reprimands / passive aggression
        if ("FI_REPRIMAND" in t.info.cls) and not neg and not _apology(sent):
            hits.append(hit(0.7 if "vain" in lows or has2 else 0.5, "accusatory.reprimand", [t]))
        if ("FI_PATIENCE" in t.info.cls) and not neg and any(
                (u.vlemma or u.lemma) in ("toivoa", "pyytää", "edellyttää", "odottaa") or u.low.startswith(("toivo", "pyyd"))
                for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem == "ehtiä" and "kun" in [u.low for u in clause[max(0, i - 3):i]] and not has2:
            hits.append(hit(0.6, "accusatory.reprimand", clause[max(0, i - 2):i + 1]))
        if low == "itse" and any(u.has("cond") for u in clause) and not me:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
    # burden of proof: "jos sinulla on kuitti ..., lähetä se", "lähetäthän kuvan, jotta voimme varmistaa"
    proof = ("kuitt", "todist", "näyt", "tosit", "kuva")
    if any(t.low in ("jos", "mikäli") for t in clause) and any(t.low in ("sinulla", "teillä") for t in clause) \
            and any(t.low.startswith(proof) for t in clause):
        hits.append(hit(0.6, "accusatory.suspicion", list(clause)))
    if any(t.low.startswith(proof) for t in clause) and any(t.low.startswith("varmist") for t in sent) and \
            any(t.low == "jotta" for t in sent) and any(t.has("2p") for t in sent) and not me:
        hits.append(hit(0.5, "accusatory.suspicion", list(clause)))
    # doubt: "että kyseessä on todella ...", "emme voi olla varmoja"
    if any(t.low == "todella" for t in clause) and any(t.low.startswith("varmist") for t in sent) and not me:
        hits.append(hit(0.5, "accusatory.suspicion", [t for t in clause if t.low == "todella"]))
    # denying an error: "veloitus on oikein", "virheet ovat hyvin harvinaisia"
    for i, t in enumerate(clause):
        if t.low == "oikein" and any(u.low.startswith(("veloitu", "laskutu", "lasku", "maksu", "summa"))
                                     for u in clause[max(0, i - 4):i]) and not neg:
            hits.append(hit(0.4, "accusatory.rule_quote", clause[max(0, i - 3):i + 1]))
        if t.low.startswith("harvinais") and any(u.low in ("hyvin", "erittäin", "äärimmäisen") for u in clause):
            hits.append(hit(0.3, "accusatory.suspicion", [t]))
        # "koska lähetystä ei noudettu" / "koska et maksanut": because (the customer) did not ...
        if t.low == "koska" and any(u.has("neg") for u in clause[i + 1:i + 4]) and \
                any(u.has("pass") or u.has("2p") for u in clause[i + 1:i + 5]) and not me:
            hits.append(hit(0.4, "accusatory.failure", clause[i:i + 4]))
        # unsolicited lecture: "suosittelemme valvomaan ...", "olisi hyvä varautua"
        if t.low in ("suosittelemme", "suosittelen", "kehotamme") and not any(
                "FI_TARGETS" in u.info.cls for u in clause):
            hits.append(hit(0.3, "accusatory.reprimand", [t]))
        # behaviour as the cause: "johtuu ajotavasta / käyttötavasta"
        if "FI_CAUSE" in t.info.cls and any(u.low.startswith(("ajota", "käyttöta", "käsittely", "käyttötottum",
                                                              "ajotottum", "huolimattom"))
                                            for u in clause[i + 1:i + 5]) and not me:
            hits.append(hit(0.6, "accusatory.generic_blame", clause[i:i + 4]))
        # "riippumatta ... ehdot/sopimus": terms apply regardless
        if t.low == "riippumatta" and "FI_RULE_REF" in scls:
            hits.append(hit(0.4, "accusatory.rule_quote", [t]))
        # "käyttäjän hallinnassa" = put on the customer
        if t.low.startswith("hallinna") and i > 0 and "FI_CUSTOMER_3P" in clause[i - 1].info.cls:
            hits.append(hit(0.8, "accusatory.responsibility", clause[i - 1:i + 1]))
    # generic blame: quantifier + cause + customer side, not about our own error
    fcause = next((k for k, t in enumerate(sent) if "FI_CAUSE" in t.info.cls), None)
    if _exculpated(sent):
        fcause = None
    if "FI_QUANT_GENERIC" in ccls and fcause is not None and "FI_CUSTOMER_SIDE" in scls and \
            not any(t.has("neg") for t in sent[max(0, fcause - 3):fcause + 1]) and not _first_person(sent) \
            and not any(t.low.startswith(("järjestelmä", "meidän", "oma virhe")) for t in sent):
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause)))
    # "mikä johtuu yleensä maksutietojen virheestä", "usein ... luultu"
    if "FI_QUANT_GENERIC" in ccls and any(
            t.low.startswith(("virhe", "luult", "väärin", "väärä")) for t in clause) and not _first_person(sent) \
            and not any(t.low.startswith(("järjestelmä", "meidän")) for t in sent) and not _neg(clause):
        hits.append(hit(0.7, "accusatory.generic_blame", list(clause)))
    return hits


def _en_hits(clause: Sequence[Token], sent: Sequence[Token], question: bool) -> list[Hit]:
    hits: list[Hit] = []
    scls, ccls = L.union(sent), L.union(clause)
    neg = _neg(clause)
    has2 = any(t.has("2p") for t in clause)
    me = any(t.low in ("i", "i've", "i'm", "i'll", "we", "we've", "we're", "we'll") for t in clause)
    lows = [t.low for t in clause]
    stext = " ".join(t.low for t in sent)
    hindsight = any(h in stext for h in _EN_HINDSIGHT)
    n = len(clause)
    for i, t in enumerate(clause):
        low = t.low
        nxt = lows[i + 1:i + 6]
        # -- hindsight reproach: you should/could have + duty (not "you should have been told")
        if low in ("you", "it", "this", "they", "that", "which", "label", "details") and nxt and nxt[0] in (
                "should", "could", "ought", "would", "should've", "could've", "would've", "must"):
            seq = nxt
            if any(w in ("not", "never") or w.endswith("n't") for w in seq[:2]):
                pass
            else:
                k = 1 if not seq[0].endswith("'ve") else 0
                if seq[0] == "ought":
                    k = 2
                if k == 0 or (len(seq) > k and seq[k] == "have"):
                    verb_i = k + 1 if k else 1
                    rest = seq[verb_i:verb_i + 2]
                    if rest:
                        v = rest[0]
                        if v == "been" and len(rest) > 1:
                            v = rest[1]
                            passive = True
                        else:
                            passive = False
                        if v in _EN_RECEIVE or v in ("had",) or _apology(sent):
                            pass  # admission: "you should have been told / received"
                        elif low == "you":
                            hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 3]))
                        elif passive and not me:
                            hits.append(hit(0.7, "accusatory.counterfactual", clause[i:i + 3]))
        if low == "if" and nxt[:2] == ["you", "had"] and len(nxt) > 2 and nxt[2] not in _EN_RECEIVE:
            hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 4]))
        if low in ("avoided", "avoidable", "preventable", "prevented") and not me and not neg:
            hits.append(hit(0.8, "accusatory.counterfactual", [t]))
        if low == "avoid" and any(w in ("this", "such", "these") for w in nxt[:2]):
            hits.append(hit(0.8, "accusatory.counterfactual", clause[i:i + 2]))
        # -- second person failure / your mistake
        if low in ("you", "you've", "you'd") and not neg:
            for u in clause[i + 1:i + 4]:
                if u.low in _EN_FAILURE:
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
                if u.low not in ("have", "had", "clearly", "simply", "already", "obviously", "then"):
                    break
        if low == "your" and i + 1 < n and L.EN_BLAME_NOUN.match(clause[i + 1]) and not S.negated(clause, i, 3):
            hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2]))
        if low in ("negligence", "negligent", "careless", "carelessness", "carelessly") and \
                not S.negated(clause, i, 3):
            hits.append(hit(0.9, "accusatory.failure", [t]))
        if low == "you" and nxt:
            k = -1
            if nxt[0] in ("didn't", "haven't", "hadn't", "never", "weren't"):
                k = 1
            elif nxt[0] in ("did", "have", "had") and len(nxt) > 1 and nxt[1] in ("not", "never"):
                k = 2
            if k > 0 and len(nxt) > k - 1 + 1 and i + 1 + k < n:
                verb = clause[i + 1 + k]
                if verb.lemma in _EN_DUTY or verb.low in _EN_DUTY:
                    hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2 + k]))
        # -- suspicious questions / inferences about sharing credentials
        if (low in _EN_DISCLOSE or t.lemma in _EN_DISCLOSE) and any(w in _EN_CREDENTIAL for w in lows) and \
                not neg and (question or has2 or "someone" in lows or "anyone" in lows or "customers" in lows):
            hits.append(hit(0.9 if question or "someone" in lows or "anyone" in lows else 0.6,
                            "accusatory.suspicion", [t]))
        if low == "must" and nxt[:2] == ["have", "had"] and "access" in nxt:
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        # -- "as (already) told / as stated in", "clearly states", "widely known"
        if low == "as" and nxt and nxt[0] not in ("soon", "well", "much", "long", "far", "quickly", "possible",
                                                  "a", "an", "promised", "agreed"):
            window = clause[i + 1:i + 7]
            for k, u in enumerate(window):
                if u.low in _EN_SAY:
                    before = [w.low for w in window[:k]]
                    if before[:1] in (["you"], ["i"]) and not any(w in ("were", "have", "'ve", "had", "been")
                                                                  for w in before[1:]):
                        break  # "as you mentioned", "as I said" (self-reference)
                    w = 1.0 if any(b in ("already", "previously", "repeatedly", "clearly") for b in before) \
                        or before[:1] == ["you"] or (k + 1 < len(window) and window[k + 1].low == "you") else 0.9
                    hits.append(hit(w, "accusatory.as_told", [t, u]))
                    break
        if low in ("already", "previously") and nxt and nxt[0] in _EN_SAY and "you" in nxt[:3]:
            hits.append(hit(1.0, "accusatory.as_told", clause[i:i + 2]))
        if low in ("once", "yet") and nxt[:1] == ["again"]:
            hits.append(hit(0.5, "accusatory.as_told", clause[i:i + 2]))
        if low == "for" and len(nxt) >= 2 and nxt[0] == "the" and nxt[1] in ("second", "third", "fourth", "last",
                                                                             "nth", "umpteenth"):
            hits.append(hit(0.6, "accusatory.as_told", clause[i:i + 3]))
        if ("EN_CLEARLY" in t.info.cls) and (any(u.low in _EN_SAY for u in clause) or "EN_RULE_REF" in scls):
            both = "EN_RULE_REF" in scls and any(u.low in _EN_SAY for u in clause)
            hits.append(hit(0.9 if both else 0.8, "accusatory.rule_quote", [t]))
        if low == "widely" and nxt[:1] == ["known"] or low == "common" and nxt[:1] == ["knowledge"]:
            hits.append(hit(0.7, "accusatory.rule_quote", clause[i:i + 2]))
        if low in ("accepted", "agreed") and "EN_RULE_REF" in scls and \
                any(u.low in ("you", "which") for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.9, "accusatory.rule_quote", [t]))
        if ("EN_RULE_REF" in t.info.cls) and any(u.low in _EN_SAY for u in clause[i + 1:i + 4]) and \
                any(("EN_CUSTOMER_3P" in u.info.cls) or u.has("2p") for u in clause) and not me:
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        # -- hindsight advice
        if hindsight and low in _EN_ADVICE:
            hits.append(hit(0.9, "accusatory.reprimand", [t]))
        if low in ("carefully", "properly", "correctly") and (has2 or "please" in lows or "worth" in lows
                                                              or any(u.has("modal") for u in clause)):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low in ("careful",) and any(w in ("please", "be") for w in lows[max(0, i - 3):i]):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        if low == "well" and nxt[:2] == ["in", "advance"] or low == "in" and nxt[:1] == ["advance"] and \
                any(w in ("recommend", "should", "advise", "suggest") for w in lows):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low in ("recommend", "advise") and "always" in lows[max(0, i - 2):i]:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "before" and nxt and nxt[0].endswith("ing") and nxt[0][:-3] in (
                "contact", "call", "report", "email", "writ", "complain", "messag", "disput", "claim", "rais",
                "escalat", "reach"):
            hits.append(hit(0.6 if any(u.low in ("first", "please", "own", "make", "check") for u in sent)
                            else 0.4, "accusatory.reprimand", clause[i:i + 2]))
        # -- do not contact us again
        if low in ("don't", "do", "stop", "please") and nxt:
            rest = nxt[:5]
            if (low == "stop" or "not" in rest[:1] or low == "don't") and any(
                    w in ("contact", "contacting", "call", "calling", "email", "emailing", "write", "writing",
                          "message", "messaging") for w in rest) and any(
                    w in ("again", "anymore", "further", "us") for w in rest):
                hits.append(hit(1.0, "accusatory.dont_contact", clause[i:i + 3]))
        # -- responsibility / own decision / risk
        if ("EN_RESPONSIBILITY" in t.info.cls) and not (neg and "cannot" not in lows and "can't" not in lows):
            near = clause[max(0, i - 5):i + 5]
            if any(u.has("2p") or ("EN_CUSTOMER_3P" in u.info.cls) or u.low == "own" for u in near) and not (
                    me and not any(u.has("2p") for u in near)):
                direct = i > 0 and clause[i - 1].low in ("your", "yours") or any(
                    u.low in ("you", "you're", "yourself") for u in clause[max(0, i - 3):i])
                hits.append(hit(0.95 if direct else 0.8, "accusatory.responsibility", [t]))
        if low == "own" and i + 1 < n and clause[i + 1].low in ("risk", "decision", "choice"):
            hits.append(hit(0.9, "accusatory.responsibility", clause[i:i + 2]))
        if low == "your" and i + 1 < n and clause[i + 1].low in ("decision", "choice"):
            hits.append(hit(0.6, "accusatory.responsibility", clause[i:i + 2]))
        if low in ("cannot", "can't") and (nxt[:2] == ["be", "responsible"] or nxt[:3] == ["be", "held",
                                                                                          "responsible"]):
            hits.append(hit(0.8 if any(u.has("2p") for u in sent) else 0.5, "accusatory.responsibility",
                            clause[i:i + 3]))
        if ("EN_RISK" in t.info.cls) and any(u.low in ("always", "your", "own") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        # -- suspicion / doubt
        if ("EN_SUSPICION" in t.info.cls) and not S.negated(clause, i, 4):
            w = 0.9 if "EN_INDICATE" in scls else 0.5 if has2 else 0.4
            hits.append(hit(w, "accusatory.suspicion", [t]))
        if low in ("are", "you're") and ("sure" in nxt[:2] or "certain" in nxt[:2]) and (
                low == "you're" or nxt[:1] == ["you"]) and question:
            hits.append(hit(0.7, "accusatory.suspicion", clause[i:i + 3]))
        if low in ("system", "records", "log", "logs") and any(w in ("shows", "show", "indicate", "indicates")
                                                                 for w in nxt[:2]) and any(
                w in ("only", "no", "correct", "correctly") for w in nxt[:4]):
            hits.append(hit(0.3, "accusatory.suspicion", clause[i:i + 3]))
        if low == "no" and nxt[:2] == ["record", "of"] or low == "no" and nxt[:1] == ["error"]:
            hits.append(hit(0.3, "accusatory.suspicion", clause[i:i + 2]))
        if low == "if" and nxt[:1] == ["you"] and len(nxt) > 1 and nxt[1] in ("believe", "think", "feel", "claim"):
            hits.append(hit(0.5, "accusatory.suspicion", clause[i:i + 3]))
        if low in ("claim", "claimed", "allegedly", "supposedly") and has2:
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- reprimands
        if ("EN_REPRIMAND" in t.info.cls) and not neg:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if ("EN_PATIENCE" in t.info.cls) and not neg and any(u.low in ("be", "your", "ask", "appreciate", "request")
                                                      for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "instead" and nxt[:1] == ["of"] and any(u.has("2p") or u.low == "please" for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
    # burden of proof: "please send us photos showing ...", "if you have a receipt"
    for i, t in enumerate(clause):
        low = t.low
        nxt = lows[i + 1:i + 6]
        if low == "send" and "us" in nxt[:2] and any(w in ("photos", "photo", "proof", "evidence", "receipt",
                                                          "pictures", "picture") for w in nxt[:4]) and \
                any(w in ("showing", "proving", "prove", "show", "that") for w in lows[i + 1:i + 8]):
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        if low == "if" and nxt[:2] == ["you", "have"] and any(w in ("proof", "evidence", "receipt") for w in nxt[:5]):
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        # causal negation: "as this was not in place", "since you did not"
        if low in ("as", "since", "because") and nxt[:1] and nxt[0] in ("this", "you", "it", "that") and \
                any(w in ("not", "never") or w.endswith("n't") for w in nxt[1:4]) and not me:
            hits.append(hit(0.4, "accusatory.failure", clause[i:i + 4]))
        # denying an error: "the charge is correct", "errors are extremely rare"
        if low == "correct" and any(w in ("charge", "fee", "bill", "invoice", "amount", "charges") for w in
                                    lows[max(0, i - 4):i]) and not neg:
            hits.append(hit(0.4, "accusatory.rule_quote", clause[max(0, i - 3):i + 1]))
        if low == "rare" and any(w in ("extremely", "very") for w in lows[max(0, i - 2):i]):
            hits.append(hit(0.3, "accusatory.suspicion", [t]))
        # "terms apply regardless of ..."
        if low == "regardless" and "EN_RULE_REF" in scls:
            hits.append(hit(0.4, "accusatory.rule_quote", [t]))
        # behaviour as the cause: "caused by the way a car is driven", "due to driving habits"
        if ("EN_CAUSE" in t.info.cls) and any(w in ("habits", "habit", "driven", "driving", "handled", "handling",
                                                     "misuse", "misused", "way") for w in lows[i + 1:i + 7]) and \
                not me and not _exculpated(sent):
            hits.append(hit(0.6, "accusatory.generic_blame", clause[i:i + 4]))
        # "we need to confirm the fault is not due to ..."
        if low in ("confirm", "verify", "ensure", "check") and any(w in ("not", "isn't", "wasn't") for w in nxt[:5]) \
                and any(w in ("due", "caused", "because") for w in nxt[:7]):
            hits.append(hit(0.5, "accusatory.suspicion", clause[i:i + 3]))
        # unsolicited lecture: "we recommend that borrowers take out insurance"
        if low in ("recommend", "advise", "suggest") and any(w in ("we", "we'd", "always") for w in
                                                             lows[max(0, i - 2):i]) and \
                any("EN_CUSTOMER_3P" in u.info.cls for u in clause):
            hits.append(hit(0.4, "accusatory.reprimand", [t]))
    cause_i = next((k for k, t in enumerate(sent) if "EN_CAUSE" in t.info.cls), None)
    if _exculpated(sent):
        cause_i = None
    if any(("EN_QUANT_GENERIC" in t.info.cls) or t.low in ("always", "only") for t in clause) and \
            cause_i is not None and any(("EN_CUSTOMER_SIDE" in t.info.cls) or t.low in (
                "incorrect", "wrong", "wrongly") for t in sent) and \
            not any(t.has("neg") for t in sent[max(0, cause_i - 3):cause_i + 1]) and not me:
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause)))
    return hits


def _dedupe(hits: list[Hit]) -> list[Hit]:
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
        question = sg.sentence.text.rstrip().endswith("?")
        for clause in sg.clauses() or [sg.tokens]:
            hits.extend(fn(clause, sg.tokens, question))
    hits = _dedupe(hits)
    per_sentence = []
    for sg in ctx.segs:
        tot = sum(h.weight for h in hits if sg.sentence.start <= h.start < sg.sentence.end)
        if tot:
            per_sentence.append(min(1.0, tot))
    severity = clamp(sum(sorted(per_sentence, reverse=True)[:3]))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.5 else reasons_from_hits(ctx, hits),
                  severity=severity, hits=[(h.key, h.weight, ctx.reply_text[h.start:h.end]) for h in hits])
