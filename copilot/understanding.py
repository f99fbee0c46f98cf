"""Reading a case: reply language, specifics from message and history, a summary of earlier contacts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.case import Case
from copilot.language import SUPPORTED, detect_language
from copilot.specifics import Specific, extract_specifics

_SIGNATURE = re.compile(r"(?:^|[\n.!?])\s*(?:[-–—]+|t\.|terveisin|br|regards|thanks|kiitos)[,:]?\s*"
                        r"([A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]+)?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class CaseFacts:
    lang: str
    specifics: tuple[Specific, ...]
    history_summary: tuple[str, ...]
    customer_name: str | None


def reply_language(case: Case) -> str:
    """The customer's language: forced by the case, else detected from their own words."""
    if case.lang:
        return case.lang
    lang = detect_language(case.message, default="")
    if lang not in SUPPORTED:  # very short messages: fall back to earlier customer turns
        lang = detect_language(case.all_customer_text(), default="en")
    return lang if lang in SUPPORTED else "en"


def customer_name(case: Case) -> str | None:
    """Profile name, else a signature at the end of the message ("– Ville Pitkänen")."""
    if case.customer.name:
        return case.customer.name.strip()
    match = _SIGNATURE.search(case.message.strip())
    return match.group(1) if match else None


def summarise_history(case: Case, max_items: int = 6) -> tuple[str, ...]:
    """One line per earlier contact, newest last: when, who, channel, the gist and the details given."""
    lines = []
    for msg in case.history[-max_items:]:
        when = msg.at.strftime("%Y-%m-%d %H:%M") if msg.at else "earlier"
        gist = " ".join(msg.text.split())
        gist = gist if len(gist) <= 140 else gist[:137].rstrip() + "…"
        details = ", ".join(f"{s.kind}={s.value}" for s in extract_specifics(msg.text, source="history"))
        channel = f" ({msg.channel})" if msg.channel else ""
        lines.append(f"{when} {msg.role}{channel}: {gist}" + (f" [gave: {details}]" if details else ""))
    return tuple(lines)


def understand(case: Case) -> CaseFacts:
    specifics: list[Specific] = list(extract_specifics(case.message))
    seen = {(s.kind, s.value) for s in specifics}
    for msg in case.history:
        if msg.role != "customer":
            continue
        for s in extract_specifics(msg.text, source="history"):
            if (s.kind, s.value) not in seen:
                seen.add((s.kind, s.value))
                specifics.append(s)
    return CaseFacts(reply_language(case), tuple(specifics), summarise_history(case), customer_name(case))
