from __future__ import annotations

import pytest

from copilot.case import Case, Message
from copilot.language import detect_language
from copilot.understanding import customer_name, reply_language


@pytest.mark.parametrize("text, lang", [
    ("en saa pakettia ulos automaatista", "fi"),
    ("tilasin kengät mut ei oo tullu vieläkää", "fi"),
    ("Hi, my parcel is late and nobody answers", "en"),
    ("Hej, jag har inte fått mitt paket och koden fungerar inte", "sv"),
])
def test_detects_finnish_english_swedish(text, lang):
    assert detect_language(text) == lang


def test_no_letters_gives_the_default():
    assert detect_language("123 456 !!", default="fi") == "fi"


def test_reply_language_falls_back_to_earlier_customer_turns_for_a_tiny_message():
    case = Case(message="ok?", history=(Message("customer", "Paketti ei ole vieläkään tullut automaattiin"),))
    assert reply_language(case) == "fi"
    assert reply_language(Case(message="ok?", lang="sv")) == "sv"  # forced


@pytest.mark.parametrize("message, name", [
    ("Kortti ei toimi. – Ville Pitkänen", "Ville Pitkänen"),
    ("The invoice is wrong.\nThanks, Anna", "Anna"),
    ("no signature here", None),
])
def test_customer_name_from_signature(message, name):
    assert customer_name(Case(message=message)) == name
