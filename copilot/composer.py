"""The offline composer: a deterministic draft in the customer's language, no model needed.

It writes: greeting with the customer's name; acknowledgement of the situation; what the agent
will do, taken from the instruction's own steps and turned into first person (never the
instruction pasted whole); the customer's specifics, so nothing is asked twice; ownership and a
follow-up time; a close. When retrieval is unsure, or the only instruction is in another
language, it writes the honest "I'll find out and get back to you by ..." reply instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from copilot.specifics import Specific

PHRASES: dict[str, dict[str, str]] = {
    "fi": {
        "greet": "Hei {name},", "greet_anon": "Hei,",
        "ack": "Kiitos viestistäsi, ja pahoittelen, että tämä on aiheuttanut sinulle harmia. "
               "Ymmärrän, että haluat asian kuntoon nopeasti.",
        "topic": "Otin asiasi hoitaakseni ({topic}).",
        "given": "Minulla on jo antamasi tiedot ({items}), joten sinun ei tarvitse lähettää niitä uudelleen.",
        "steps": "Teen nyt näin:",
        "followup": "Palaan asiaan {when} ja kerron, mitä olen saanut selville.",
        "unsure": "En halua arvata, joten selvitän asian itse oikealta tiimiltä. "
                  "Palaan sinulle {when} – sinun ei tarvitse tehdä tällä välin mitään.",
        "close": "Ystävällisin terveisin,", "today": "tänään klo {hm} mennessä",
        "tomorrow": "huomenna klo {hm} mennessä", "weekday": "{day} klo {hm} mennessä",
    },
    "en": {
        "greet": "Hi {name},", "greet_anon": "Hi,",
        "ack": "Thank you for your message, and I'm sorry for the trouble this has caused you. "
               "I understand you want this sorted quickly.",
        "topic": "I've taken your case on myself ({topic}).",
        "given": "I already have the details you gave ({items}), so there is no need to send them again.",
        "steps": "Here is what I'm doing now:",
        "followup": "I'll get back to you {when} with what I've found.",
        "unsure": "I don't want to guess, so I'm finding this out myself with the right team. "
                  "I'll get back to you {when} – you don't need to do anything meanwhile.",
        "close": "Kind regards,", "today": "today by {hm}", "tomorrow": "tomorrow by {hm}",
        "weekday": "on {day} by {hm}",
    },
    "sv": {
        "greet": "Hej {name},", "greet_anon": "Hej,",
        "ack": "Tack för ditt meddelande, och jag beklagar besväret. Jag förstår att du vill få det löst snabbt.",
        "topic": "Jag har tagit hand om ditt ärende ({topic}).",
        "given": "Jag har redan uppgifterna du gav ({items}), så du behöver inte skicka dem igen.",
        "steps": "Så här gör jag nu:",
        "followup": "Jag återkommer till dig {when} med vad jag har fått reda på.",
        "unsure": "Jag vill inte gissa, så jag tar reda på saken själv med rätt team. "
                  "Jag återkommer till dig {when} – du behöver inte göra något under tiden.",
        "close": "Vänliga hälsningar,", "today": "i dag senast kl. {hm}", "tomorrow": "i morgon senast kl. {hm}",
        "weekday": "på {day} senast kl. {hm}",
    },
}
KIND_LABELS = {
    "fi": {"tracking_id": "lähetystunnus", "order_number": "tilausnumero", "case_number": "tapausnumero",
           "code": "koodi", "amount": "summa", "date": "päivämäärä", "time": "kellonaika", "iban": "tilinumero",
           "phone": "puhelinnumero", "email": "sähköposti"},
    "en": {"tracking_id": "tracking ID", "order_number": "order number", "case_number": "case number",
           "code": "code", "amount": "amount", "date": "date", "time": "time", "iban": "account number",
           "phone": "phone number", "email": "email"},
    "sv": {"tracking_id": "spårningsnummer", "order_number": "ordernummer", "case_number": "ärendenummer",
           "code": "kod", "amount": "belopp", "date": "datum", "time": "tid", "iban": "kontonummer",
           "phone": "telefonnummer", "email": "e-post"},
}
WEEKDAYS = {
    "fi": ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina", "sunnuntaina"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
}
# Section headings of an instruction that hold the agent's own actions.
_ACTION_HEADING = re.compile(r"itse|voit tehdä|toimi|can do|yourself|steps|what to do|själv|åtgärd", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.*)$", re.M)
_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
_ABOUT_CUSTOMER = re.compile(r"\basiaka|\bcustomer|\bkund", re.I)
_PROHIBITION = re.compile(r"(?:älä|älkää|don't|do not|never)\b|gör inte\b", re.I)  # "don'ts" are not actions
MAX_STEPS = 3


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


def first_person(step: str, lang: str) -> str:
    """An instruction step in the imperative, rewritten as what the writer does.

    Finnish: the 2nd-person imperative is the present stem, so the 1st person adds -n
    ("Tarkista" → "Tarkistan"). English: "Refund ..." → "I'll refund ...". Swedish: "Jag ...".
    """
    step = _MARKUP.sub(lambda m: m.group(1) or "", step).strip()
    step = re.split(r"(?<=[.!?])\s", step, maxsplit=1)[0].rstrip(" .:;")
    step = re.sub(r"\s*\([^)]*\)", "", step)  # internal asides
    step = step.split(" → ")[0].split(": ")[0] if "→" in step else step
    if not step:
        return ""
    head, _, rest = step.partition(" ")
    word = head.lower()
    if _ABOUT_CUSTOMER.search(step) or _PROHIBITION.match(step):
        return ""  # written about the customer in the third person: not a sentence for them
    if lang == "fi" and word.isalpha() and word[-1] in "aeiouyäö":
        return f"{head}n {rest}".strip() + "."
    if lang == "en" and word.isalpha():
        return f"I'll {word} {rest}".strip() + "."
    if lang == "sv" and word.isalpha():
        return f"Jag {word}r {rest}".strip() + "." if not word.endswith("r") else f"Jag {word} {rest}".strip() + "."
    return ""  # not an imperative step: leave it out rather than paste it


def action_steps(sections: list[tuple[str, str]], lang: str) -> list[str]:
    """Up to three first-person steps from the instruction's 'what you can do' section."""
    texts = [text for heading, text in sections if _ACTION_HEADING.search(heading or "")]
    if not texts:  # no such heading: fall back to the document's own list items
        texts = [text for _, text in sections]
    steps = []
    for text in texts:
        for item in _LIST_ITEM.findall(text):
            sentence = first_person(item, lang)
            if sentence and len(sentence) <= 220 and sentence not in steps:
                steps.append(sentence)
            if len(steps) == MAX_STEPS:
                return steps
    return steps


def specifics_phrase(specifics: tuple[Specific, ...] | list[Specific], lang: str) -> str:
    labels = KIND_LABELS[lang]
    wanted = [s for s in specifics if s.kind in ("tracking_id", "order_number", "case_number", "code", "amount",
                                                 "date")]
    return ", ".join(f"{labels[s.kind]} {s.value}" for s in wanted[:4])


def compose(*, lang: str, name: str | None, specifics: tuple[Specific, ...] | list[Specific],
            topic: str | None, instruction_lang: str | None, sections: list[tuple[str, str]],
            unsure: bool, now: datetime, agent_name: str | None = None) -> Composition:
    """The whole reply, deterministic for the same inputs."""
    lang = lang if lang in PHRASES else "en"
    p = PHRASES[lang]
    due = follow_up_time(now)
    when = when_phrase(due, now, lang)
    first = name.split()[0] if name else None
    parts = [p["greet"].format(name=first) if first else p["greet_anon"], p["ack"]]
    details = specifics_phrase(specifics, lang)
    steps = [] if unsure or instruction_lang != lang else action_steps(sections, lang)
    if unsure or not steps:
        unsure = unsure or instruction_lang != lang
    if details:
        parts.append(p["given"].format(items=details))
    if unsure or not steps:
        parts.append(p["unsure"].format(when=when))
    else:
        if topic:
            parts.append(p["topic"].format(topic=topic[0].lower() + topic[1:]))
        parts.append(p["steps"] + "\n" + "\n".join(f"- {s}" for s in steps))
        parts.append(p["followup"].format(when=when))
    parts.append(p["close"] + ("\n" + agent_name if agent_name else ""))
    return Composition("\n\n".join(parts), unsure, due)
