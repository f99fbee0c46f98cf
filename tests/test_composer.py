from __future__ import annotations

from datetime import datetime

import pytest

from copilot.composer import action_steps, compose, first_person, follow_up_time, when_phrase
from copilot.specifics import extract_specifics

MON_MORNING = datetime(2026, 11, 23, 9, 15)
FRI_AFTERNOON = datetime(2026, 11, 27, 15, 0)


@pytest.mark.parametrize("step, lang, expected", [
    ("Tarkista lähetyksen tila Seurannasta.", "fi", "Tarkistan lähetyksen tila Seurannasta."),
    ("Lähetä uusi noutokoodi tekstiviestillä (maksuton).", "fi", "Lähetän uusi noutokoodi tekstiviestillä."),
    ("Refund the duplicate charge in Billing. Then email.", "en", "I'll refund the duplicate charge in Billing."),
    ("Jos asiakas haluaa, tilaa siirto.", "fi", ""),  # about the customer: left out, never pasted
    ("**Älä** anna koodia kenellekään", "fi", ""),  # prohibitions are not actions
    ("Don't promise a delivery date.", "en", ""),
])
def test_first_person(step, lang, expected):
    assert first_person(step, lang) == expected


def test_follow_up_time_and_phrase():
    assert follow_up_time(MON_MORNING) == datetime(2026, 11, 23, 16, 0)
    due = follow_up_time(FRI_AFTERNOON)
    assert due == datetime(2026, 11, 30, 12, 0)  # next working day, not Saturday
    assert when_phrase(due, FRI_AFTERNOON, "fi") == "maanantaina klo 12 mennessä"
    assert when_phrase(follow_up_time(MON_MORNING), MON_MORNING, "en") == "today by 16:00"


def test_action_steps_come_from_the_action_section_only():
    sections = [("Mitä voit tehdä itse", "1. Tarkista tila.\n2. Lähetä uusi koodi."),
                ("Älä tee näin", "- Älä syytä asiakasta.")]
    assert action_steps(sections, "fi") == ["Tarkistan tila.", "Lähetän uusi koodi."]


def test_compose_swedish_when_unsure_and_deterministic():
    kwargs = dict(lang="sv", name="Eva Lind", specifics=extract_specifics("Order 55821"), topic=None,
                  instruction_lang=None, sections=[], unsure=True, now=MON_MORNING)
    text = compose(**kwargs).text
    assert text.startswith("Hej Eva,") and "i dag senast kl. 16" in text and "ordernummer 55821" in text
    assert compose(**kwargs).text == text


def test_other_language_instruction_gives_the_honest_reply():
    comp = compose(lang="en", name=None, specifics=[], topic="Lainan eräpäivä", instruction_lang="fi",
                   sections=[("Mitä voit tehdä itse", "1. Korjaa eräpäivä.")], unsure=False, now=MON_MORNING)
    assert comp.unsure and "Korjaa" not in comp.text and "I'll get back to you today by 16:00" in comp.text
