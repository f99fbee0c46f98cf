"""The offline composer: a deterministic draft in the customer's language, no model needed.

It writes: a greeting with the customer's name; an apology tied to their case (their tracking or
order number when they gave one); what the customer needs to know, from the instruction's
"what to tell the customer" part and its plain statements that match the message; what happens
next, from the instruction's own steps rewritten for the customer (``copilot.phrasing``: Finnish
steps as passives so no noun needs inflecting, internal tool names left out -- never the
instruction pasted); the details the customer already gave, so nothing is asked twice; ownership
with a follow-up time; a sign-off with the agent's name (or the team's). When retrieval is
unsure, the instruction is in another language, or nothing in it can be said to the customer,
it writes the honest "I'll find out and get back to you by ..." reply instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from copilot.phrasing import candidates, message_stems, overlap, parse_instruction
from copilot.specifics import Specific

PHRASES: dict[str, dict[str, str]] = {
    "fi": {
        "greet": "Hei {name},", "greet_anon": "Hei,",
        "thanks": "Kiitos viestistäsi.",
        "ack": "Kiitos viestistäsi, ja pahoittelen, että asia on aiheuttanut sinulle harmia.",
        "ack_about": "Kiitos viestistäsi, ja pahoittelen, että {thing} kanssa on ollut hankaluuksia.",
        "given": "Minulla on jo {items}, joten sinun ei tarvitse lähettää niitä uudelleen.",
        "given_one": "Minulla on jo {items}, joten sinun ei tarvitse lähettää sitä uudelleen.",
        "steps": "Asiasi etenee näin:",
        "followup": "Palaan asiaan {when} ja kerron, mitä olen saanut selville.",
        "followup_steps": "Palaan asiaan {when} ja kerron, miten asia on edennyt.",
        "unsure": "En halua arvata, joten selvitän asian itse oikealta tiimiltä. "
                  "Palaan sinulle {when} – sinun ei tarvitse tehdä tällä välin mitään.",
        "close": "Ystävällisin terveisin", "team": "Asiakaspalvelu", "brand_team": "{brand} asiakaspalvelu",
        "today": "tänään klo {hm} mennessä", "tomorrow": "huomenna klo {hm} mennessä",
        "weekday": "{day} klo {hm} mennessä", "and": "ja",
        "ids_and_details": "{ids} ja viestisi muut tiedot ({details})", "details": "viestisi tiedot ({details})",
    },
    "en": {
        "greet": "Hi {name},", "greet_anon": "Hi,",
        "thanks": "Thank you for your message.",
        "ack": "Thank you for your message, and I'm sorry for the trouble this has caused you.",
        "ack_about": "Thank you for your message, and I'm sorry for the trouble with {thing}.",
        "given": "I already have {items}, so there is no need to send them again.",
        "given_one": "I already have {items}, so there is no need to send it again.",
        "steps": "Here is what I'm doing now:",
        "followup": "I'll get back to you {when} with what I've found.",
        "followup_steps": "I'll get back to you {when} to let you know how it has gone.",
        "unsure": "I don't want to guess, so I'm finding this out myself with the right team. "
                  "I'll get back to you {when} – you don't need to do anything meanwhile.",
        "close": "Kind regards,", "team": "Customer Service", "brand_team": "{brand} Customer Service",
        "today": "today by {hm}", "tomorrow": "tomorrow by {hm}", "weekday": "on {day} by {hm}", "and": "and",
        "ids_and_details": "{ids} and the other details from your message ({details})",
        "details": "the details from your message ({details})",
    },
    "sv": {
        "greet": "Hej {name},", "greet_anon": "Hej,",
        "thanks": "Tack för ditt meddelande.",
        "ack": "Tack för ditt meddelande, och jag beklagar besväret.",
        "ack_about": "Tack för ditt meddelande, och jag beklagar besväret med {thing}.",
        "given": "Jag har redan {items}, så du behöver inte skicka dem igen.",
        "given_one": "Jag har redan {items}, så du behöver inte skicka det igen.",
        "steps": "Så här gör jag nu:",
        "followup": "Jag återkommer till dig {when} med vad jag har fått reda på.",
        "followup_steps": "Jag återkommer till dig {when} och berättar hur det har gått.",
        "unsure": "Jag vill inte gissa, så jag tar reda på saken själv med rätt team. "
                  "Jag återkommer till dig {when} – du behöver inte göra något under tiden.",
        "close": "Vänliga hälsningar", "team": "Kundtjänst", "brand_team": "{brand} kundtjänst",
        "today": "i dag senast kl. {hm}", "tomorrow": "i morgon senast kl. {hm}",
        "weekday": "på {day} senast kl. {hm}", "and": "och",
        "ids_and_details": "{ids} och de andra uppgifterna i ditt meddelande ({details})",
        "details": "uppgifterna i ditt meddelande ({details})",
    },
}
# The customer's identifiers, as the object of "I already have ..." ("Minulla on jo ...": a
# possessive clause, so the nominative is right) and as "the trouble with ..." ("... kanssa":
# genitive, the possessive suffix form is the same).
KIND_LABELS = {
    "fi": {"tracking_id": "lähetystunnuksesi", "order_number": "tilausnumerosi", "case_number": "asianumerosi",
           "code": "koodi", "date": "päivämäärä", "dates": "päivämäärät", "iban": "tilinumerosi",
           "amount": "summa", "amounts": "summat", "phone": "puhelinnumero", "phones": "puhelinnumerot",
           "email": "sähköposti", "emails": "sähköpostit"},
    "en": {"tracking_id": "your tracking ID", "order_number": "your order number", "case_number": "your case number",
           "code": "code", "date": "date", "dates": "dates", "iban": "your account number",
           "amount": "amount", "amounts": "amounts", "phone": "phone number", "phones": "phone numbers",
           "email": "email", "emails": "emails"},
    "sv": {"tracking_id": "ditt spårningsnummer", "order_number": "ditt ordernummer",
           "case_number": "ditt ärendenummer", "code": "kod", "date": "datum", "dates": "datum",
           "iban": "ditt kontonummer", "amount": "belopp", "amounts": "belopp", "phone": "telefonnummer",
           "phones": "telefonnummer", "email": "e-post", "emails": "e-postadresser"},
}
ABOUT_LABELS = {
    "fi": {"tracking_id": "lähetyksesi {v}", "order_number": "tilauksesi {v}"},
    "en": {"tracking_id": "your parcel {v}", "order_number": "your order {v}"},
    "sv": {"tracking_id": "din försändelse {v}", "order_number": "din beställning {v}"},
}
WEEKDAYS = {
    "fi": ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina", "sunnuntaina"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
}
MAX_STEPS = 3
MAX_GIVEN = 3  # codes, amounts and dates in "I already have ... (...)"
MAX_FACTS = 3  # statements for the customer ("what to tell" items first, then ones matching the message)
MIN_OVERLAP = 2  # message stems a statement from a step or an FAQ must share to be relevant
_APOLOGY = {"fi": ("pahoittel",), "en": ("i'm sorry", "i apologise", "sorry"), "sv": ("jag beklagar",)}


@dataclass(frozen=True)
class Composition:
    text: str
    unsure: bool
    follow_up: datetime


def follow_up_time(now: datetime) -> datetime:
    """Today 16:00 when asked before 13:00 on a working day; else the next working day 12:00."""
    if now.weekday() < 5 and now.hour < 13:
        return now.replace(hour=16, minute=0, second=0, microsecond=0)
    day = now + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=12, minute=0, second=0, microsecond=0)


def when_phrase(due: datetime, now: datetime, lang: str) -> str:
    p = PHRASES[lang]
    hm = due.strftime("%H:%M") if lang == "en" else (due.strftime("%-H") if due.minute == 0 else due.strftime("%-H.%M"))
    if due.date() == now.date():
        return p["today"].format(hm=hm)
    if due.date() == (now + timedelta(days=1)).date():
        return p["tomorrow"].format(hm=hm)
    return p["weekday"].format(day=WEEKDAYS[lang][due.weekday()], hm=hm)


@dataclass(frozen=True)
class Content:
    """What the reply says from the instruction."""

    told: list[str]  # "what to tell the customer" items (the instruction's own apology first)
    steps: list[str]  # what happens next, from the instruction's steps
    details: list[str]  # statements inside the steps / FAQ sentences that match the message

    def __bool__(self) -> bool:
        return bool(self.told or self.steps or self.details)


def customer_content(sections: list[tuple[str, str]], lang: str, message: str = "") -> Content:
    """What to say to the customer from an instruction's sections.

    Steps: the instruction's own steps rewritten for the customer, up to ``MAX_STEPS``.
    Statements, up to ``MAX_FACTS``: the "what to tell the customer" items, then statements
    inside the steps (or, in a customer-facing FAQ, its sentences) that share at least
    ``MIN_OVERLAP`` word stems with the customer's message, most shared first; each group in the
    instruction's order.
    """
    info = parse_instruction(sections, message, lang)
    cands = candidates(info, lang)
    steps = [c.text for c in cands if c.kind == "step"][:MAX_STEPS]
    stems = message_stems(message, lang) if message else set()
    apologies = [c for c in cands if c.kind == "tell" and any(w in c.text.lower() for w in _APOLOGY[lang])]
    # a statement from a step or an FAQ is relevant when it shares MIN_OVERLAP stems with the
    # message; a "what to tell" item always is (it is meant for every customer of this
    # instruction) and goes first, those sharing most with the message first
    scored = [(overlap(c.text, stems, lang) + MIN_OVERLAP * (c.kind == "tell"), c) for c in cands
              if c.kind in ("tell", "said", "faq") and c not in apologies]
    relevant = [c for n, c in sorted(scored, key=lambda x: (-x[0], x[1].order)) if n >= MIN_OVERLAP]
    chosen: list = []
    seen: set[str] = set(steps)
    for c in apologies + relevant:
        if len(chosen) >= MAX_FACTS + len(apologies):
            break
        if c.text not in seen:
            seen.add(c.text)
            chosen.append(c)
    chosen.sort(key=lambda c: (c not in apologies, c.order))
    return Content([c.text for c in chosen if c.kind == "tell"], steps,
                   [c.text for c in chosen if c.kind != "tell"])


def action_steps(sections: list[tuple[str, str]], lang: str, message: str = "") -> list[str]:
    """Up to three of the instruction's steps, rewritten for the customer."""
    return customer_content(sections, lang, message).steps


def _value(s: Specific, lang: str) -> str:
    v = s.value.strip()
    if lang != "fi" and s.kind == "date" and re.search(r"[A-Za-z]\.$", v):
        v = v[:-1]  # "1 December." -- the sentence's full stop, not the date's
    return v


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {PHRASES[lang]['and']} " + items[-1]


def _code_label(s: Specific, message: str, lang: str) -> str:
    """The customer's own word for a code ("hyllykoodi B12", "shelf code C-552"), else "koodi"."""
    word = {"fi": r"[A-Za-zÅÄÖåäö-]*koodi", "en": r"(?:[A-Za-z-]+ )?code", "sv": r"[A-Za-zÅÄÖåäö-]*kod"}[lang]
    m = re.search(rf"\b({word})\s*:?\s*" + re.escape(s.value), message, re.I)
    if m:
        return m.group(1).lower()
    return KIND_LABELS[lang]["code"]


def about_phrase(specifics: list[Specific], lang: str) -> tuple[str | None, Specific | None]:
    """"lähetyksesi JJFI…" / "your order KK-…": what the apology is about, from the customer's id."""
    for kind in ("tracking_id", "order_number"):
        for s in specifics:
            if s.kind == kind and s.source == "message":
                return ABOUT_LABELS[lang][kind].format(v=_value(s, lang)), s
    return None, None


def given_sentence(specifics: list[Specific], lang: str, message: str = "", skip: Specific | None = None) -> str:
    """"Nothing to send again": the customer's identifiers by name, the other details of their
    message (codes, phone numbers, emails, amounts, dates) in brackets -- "Minulla on jo lähetystunnuksesi ja viestisi
    muut tiedot (hyllykoodi B12, päivämäärä 30.11.), joten ..."; "" when there are none."""
    p, labels = PHRASES[lang], KIND_LABELS[lang]
    ids = [s for s in specifics if s.kind in ("tracking_id", "order_number", "case_number", "iban")][:3]
    # the id the apology already names is referred to by its label only
    named = [labels[s.kind] if s is skip else f"{labels[s.kind]} {_value(s, lang)}" for s in ids]
    details = [f"{_code_label(s, message, lang)} {_value(s, lang)}" for s in specifics
               if s.kind == "code" and any(c.isalpha() for c in s.value)][:1]
    room = MAX_GIVEN - len(details)
    for kind in ("phone", "email", "amount", "date"):
        values = [v for v in dict.fromkeys(_value(s, lang) for s in specifics if s.kind == kind)
                  if kind != "amount" or not v[-1:].isalpha() or v.lower().endswith(("eur", " e"))][:room]
        room -= len(values)
        if values:
            details.append(f"{labels[kind + 's']} {_join(values, lang)}" if len(values) > 1
                           else f"{labels[kind]} {values[0]}")
    if skip is not None and not details and len(ids) == 1:
        return ""  # only the id the apology already names
    if not named and not details:
        return ""
    plural = len(named) + len(details) > 1 or bool(details) or " " + p["and"] + " " in " ".join(named)
    if named and details:
        items = p["ids_and_details"].format(ids=", ".join(named), details=", ".join(details))
    elif named:
        items = _join(named, lang)
    else:
        items = p["details"].format(details=", ".join(details))
    return p["given" if plural else "given_one"].format(items=items)


def signature(lang: str, agent_name: str | None, brand: str | None) -> str:
    p = PHRASES[lang]
    who = agent_name.strip() if agent_name and agent_name.strip() else \
        p["brand_team"].format(brand=brand.strip()) if brand and brand.strip() else p["team"]
    return f"{p['close']}\n{who}"


def compose(*, lang: str, name: str | None, specifics: tuple[Specific, ...] | list[Specific],
            topic: str | None, instruction_lang: str | None, sections: list[tuple[str, str]],
            unsure: bool, now: datetime, agent_name: str | None = None, message: str = "",
            brand: str | None = None) -> Composition:
    """The whole reply, deterministic for the same inputs.

    ``message`` (the customer's words, latest last) decides which of the instruction's
    statements are relevant and which names the customer already knows; ``topic`` (the
    instruction's title) is no longer written into the reply.
    """
    lang = lang if lang in PHRASES else "en"
    p = PHRASES[lang]
    due = follow_up_time(now)
    when = when_phrase(due, now, lang)
    specifics = list(specifics)
    first = name.split()[0] if name else None
    content = Content([], [], [])
    if not unsure and instruction_lang == lang:
        content = customer_content(sections, lang, message)
    unsure = unsure or instruction_lang != lang or not content

    parts = [p["greet"].format(name=first) if first else p["greet_anon"]]
    about, about_spec = about_phrase(specifics, lang)
    apology = [f for f in content.told if any(w in f.lower() for w in _APOLOGY[lang])]
    if apology and not unsure:  # the instruction's own apology ("Pahoittelen, virhe oli meidän.")
        parts.append(p["thanks"])
        about_spec = None
    else:
        parts.append(p["ack_about"].format(thing=about) if about else p["ack"])
    given = given_sentence(specifics, lang, message, skip=about_spec)
    if unsure:
        if given:
            parts.append(given)
        parts.append(p["unsure"].format(when=when))
    else:
        if content.told:
            parts.append(" ".join(content.told))
        if len(content.steps) == 1:
            parts.append(" ".join(content.steps + content.details))
        else:
            if content.steps:
                parts.append(p["steps"] + "\n" + "\n".join(f"- {s}" for s in content.steps))
            if content.details:
                parts.append(" ".join(content.details))
        if given:
            parts.append(given)
        parts.append(p["followup_steps" if content.steps else "followup"].format(when=when))
    parts.append(signature(lang, agent_name, brand))
    return Composition("\n\n".join(parts), unsure, due)
