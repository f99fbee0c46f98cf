"""Positive checks: empathy, specificity, ownership, grounding, language (Finnish and English)."""

from __future__ import annotations

import pytest

from copilot.case import Case
from copilot.review import review
from test_review_data import EN_GOOD, FI_GOOD, case_and_kb


# ----------------------------------------------------------------------------- empathy
@pytest.mark.parametrize("lang,reply,low,high", [
    ("fi", FI_GOOD, 1.0, 1.0),
    ("en", EN_GOOD, 1.0, 1.0),
    ("fi", "Hei Maija, ikävä kuulla! Kortti avataan tunnistamisen jälkeen.", 0.5, 0.7),
    ("en", "Hi Sam, sorry to hear that! The card is reopened after identification.", 0.5, 0.7),
    ("fi", "Hei Maija, kiitos viestistä. Kortti avataan tunnistamisen jälkeen.", 0.0, 0.3),
    ("en", "Card reopened.", 0.0, 0.3),
])
def test_empathy_levels(lang, reply, low, high):
    case, kb = case_and_kb(lang)
    res = review(reply, case, kb).checks["empathy"]
    assert low <= res.score <= high, res
    assert res.kind == "positive"
    if res.score < 0.5:
        assert not res.passed and res.reasons


def test_empathy_validation_without_apology():
    case, kb = case_and_kb("fi")
    res = review("Hei Maija, olet oikeassa – numeron vaihto ei saisi sulkea korttia näin. Avasin korttisi.",
                 case, kb).checks["empathy"]
    assert res.passed


# ----------------------------------------------------------------------------- specificity
def test_specificity_uses_case_details():
    case = Case(message="Tilaukseni 88123 ei ole tullut, ja tarvitsen takin ennen lomaa lauantaina. – Sari Koski")
    good = review("Hei Sari, tarkistin tilauksen 88123: takki lähti tänään, joten se on perillä ennen lauantain "
                  "lomaa.", case)
    vague = review("Hei, toimitukset kestävät yleensä muutaman päivän.", case)
    assert good.checks["specificity"].passed and good.checks["specificity"].score > 0.8
    assert not vague.checks["specificity"].passed
    assert "88123" in good.checks["specificity"].details["specifics"]


def test_specificity_english():
    case = Case(message="Order 5503921: the return label says 'expired' and my return window closes on Sunday. - Grace")
    good = review("Hi Grace, I've made a new return label for order 5503921 and extended your return window past "
                  "Sunday.", case)
    assert good.checks["specificity"].passed


# ----------------------------------------------------------------------------- ownership
@pytest.mark.parametrize("lang,reply,expected", [
    ("fi", "Avaan tilin tänään klo 15 mennessä ja lähetän numeron sinulle.", 1.0),
    ("en", "I'll email you by 13:00 today with a delivery time.", 1.0),
    ("fi", "Avasin korttisi juuri.", 0.8),
    ("en", "I've cancelled the order.", 0.8),
    ("fi", "Myyntipäällikkö Sari Kallio soittaa sinulle tänään klo 15 mennessä.", 0.8),
    ("en", "A loan officer will call you by 16:00 tomorrow.", 0.8),
    ("fi", "Selvitän asian.", 0.6),
    ("en", "I'll look into it.", 0.6),
    ("fi", "Asia käsitellään mahdollisimman pian.", 0.2),
    ("en", "Cards are reopened after identification.", 0.0),
])
def test_ownership_levels(lang, reply, expected):
    case, kb = case_and_kb(lang)
    res = review(reply, case, kb).checks["ownership"]
    assert res.score == pytest.approx(expected), res
    assert res.passed == (expected >= 0.5)


def test_opening_hours_are_not_a_commitment():
    case, kb = case_and_kb("fi")
    res = review("Hei, palvelemme arkisin klo 8–18 numerossa 0200 1234.", case, kb).checks["ownership"]
    assert not res.passed


# ----------------------------------------------------------------------------- grounding
def test_grounding_supported_and_unsupported_claims():
    case, kb = case_and_kb("fi")
    ok = review("Hei Maija, avasin kortin; avaus tulee voimaan noin 30 minuutissa.", case, kb).checks["grounding"]
    bad = review("Hei Maija, avasin kortin; avaus tulee voimaan noin 5 minuutissa, ja saat 20 € hyvityksen.",
                 case, kb).checks["grounding"]
    assert ok.passed and ok.score == 1.0 and ok.details["claims"] == 1
    assert not bad.passed
    spans = [r.span.text for r in bad.reasons]
    assert any("5" in s for s in spans) and any("20" in s for s in spans)


def test_grounding_ignores_clock_times_codes_and_customer_numbers():
    case = Case(message="Lähetys JJFI64313100011122233 on myöhässä, numeroni on 040 123 4567.")
    res = review("Tilasin lähetyksen JJFI64313100011122233 kotiisi huomenna klo 9 mennessä ja soitan numeroon "
                 "040 123 4567.", case, ["Pikatoimitus seuraavaksi aamuksi on maksuton."]).checks["grounding"]
    assert res.passed and res.details["claims"] == 0


def test_grounding_without_knowledge_is_not_applicable():
    case, _ = case_and_kb("en")
    res = review("Hi Sam, it takes 5 minutes.", case, None).checks["grounding"]
    assert res.passed and res.details["applicable"] is False


def test_grounding_english_promise():
    case, kb = case_and_kb("en")
    res = review("Hi Sam, I've reopened it and refunded the fee free of charge.", case, kb).checks["grounding"]
    assert not res.passed


# ----------------------------------------------------------------------------- language
def test_language_match_and_mismatch():
    fi_case, kb = case_and_kb("fi")
    assert review(FI_GOOD, fi_case, kb).checks["language"].passed
    res = review(EN_GOOD, fi_case, kb).checks["language"]
    assert not res.passed and res.score == 0.0
    assert "suomi" in res.reasons[0].message or "Finnish" in res.reasons[0].message


def test_language_forced_by_case():
    case = Case(message="Hei, korttini ei toimi.", lang="en")
    assert review("Hi, I've reopened your card.", case).checks["language"].passed
    assert not review("Hei, avasin korttisi.", case).checks["language"].passed


def test_language_without_case_is_not_applicable():
    res = review("Hei, avasin korttisi.").checks["language"]
    assert res.passed and res.details["applicable"] is False
