"""Commitments in sent replies, Finnish and English, against a fixed `now`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from copilot.followups import Commitment, find_commitments

EET = timezone(timedelta(hours=2), "EET")
WED = datetime(2026, 11, 18, 10, 0, tzinfo=EET)  # Wednesday 18.11.2026 10:00
WED_EVENING = datetime(2026, 11, 18, 17, 30, tzinfo=EET)
FRI_EVENING = datetime(2026, 11, 20, 18, 0, tzinfo=EET)


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=EET)


def one(text: str, now: datetime = WED, lang: str | None = None) -> Commitment:
    found = find_commitments(text, now=now, lang=lang)
    assert len(found) == 1, found
    c = found[0]
    assert text[c.span[0]:c.span[1]] == c.text
    return c


FINNISH = [
    ("Palaan asiaan huomenna klo 12 mennessä.", at(19, 12)),
    ("Soitan sinulle tänään klo 15.", at(18, 15)),
    ("Selvitän asian ja palaan perjantaihin mennessä.", at(20, 16)),
    ("Palaan asiaan perjantaina.", at(20, 16)),
    ("Otan yhteyttä maanantaina klo 9.30.", at(23, 9, 30)),
    ("Ilmoitan maanantaihin mennessä.", at(23, 16)),
    ("Lähetän uuden laskun keskiviikkoon mennessä.", at(18, 16)),  # today, 16:00 still ahead
    ("Soitan ylihuomenna.", at(20, 16)),
    ("Palaamme asiaan ensi viikolla.", at(27, 16)),  # Friday of next week
    ("Palaan asiaan ensi viikon tiistaina.", at(24, 16)),
    ("Lähetän kuitin 24.11. mennessä.", at(24, 16)),
    ("Toimitamme korvaavan laitteen 2.1.2027 mennessä.", at(2, 16, month=1, year=2027)),
    ("Palaan asiaan 24. marraskuuta.", at(24, 16)),
    ("Selvitän asian ja soitan huomenna 12.30.", at(19, 12, 30)),
    ("Palaan asiaan huomenna.", at(19, 16)),
    ("Ilmoitan tänään iltapäivällä.", at(18, 16)),
    ("Palaamme asiaan kahden arkipäivän kuluessa.", at(20, 16)),
    ("Otamme yhteyttä 24 tunnin sisällä.", at(19, 10)),
    ("Palaan asiaan viikon loppuun mennessä.", at(20, 16)),
    ("Soitan huomisaamuna.", at(19, 12)),
    ("Soitan klo 14-15 välillä.", at(18, 15)),
    ("Palaan asiaan klo 9.", at(19, 9)),  # 9:00 has passed today: next working day
    ("Palaan asiaan.", at(18, 16)),  # no time words: end of the current working day
]

ENGLISH = [
    ("I'll call you tomorrow.", at(19, 16)),
    ("I will get back to you by 3 pm today.", at(18, 15)),
    ("We'll email you by Friday.", at(20, 16)),
    ("I'll send the new invoice on Monday at 15:00.", at(23, 15)),
    ("We will refund the difference by November 24th.", at(24, 16)),
    ("I'm going to call you at 5:30 p.m.", at(18, 17, 30)),
    ("I will personally follow up the day after tomorrow.", at(20, 16)),
    ("We'll be in touch next week.", at(27, 16)),
    ("I'll check and call you back tomorrow morning.", at(19, 12)),
    ("We will get back to you within 2 business days.", at(20, 16)),
    ("I'll let you know by end of day.", at(18, 16)),
    ("I'll update you by noon tomorrow.", at(19, 12)),
    ("I'll email you tonight.", at(18, 20)),
    ("We'll contact you on 24.11.", at(24, 16)),
]


@pytest.mark.parametrize(("text", "due"), FINNISH, ids=[t for t, _ in FINNISH])
def test_finnish_commitments(text, due):
    c = one(text, lang="fi")
    assert c.due_at == due
    assert one(text).due_at == due  # language not given: same answer


@pytest.mark.parametrize(("text", "due"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english_commitments(text, due):
    c = one(text, lang="en")
    assert c.due_at == due
    assert one(text).due_at == due


@pytest.mark.parametrize("text", [
    "Kiitos viestistäsi, paketti saapuu huomenna.",  # no first-person action
    "Soitanko sinulle huomenna?",  # a question
    "Voisitko soittaa meille huomenna klo 12?",
    "En soita huomenna, koska olen lomalla.",
    "Asiakaspalvelumme palvelee arkisin klo 8-16.",
    "Otamme palautuksia vastaan maanantaisin.",
    "I won't call you tomorrow.",
    "I will not email you by Friday.",
    "Shall I call you tomorrow?",
    "The parcel will arrive tomorrow.",
    "You'll get an email tomorrow.",
    "",
])
def test_not_commitments(text):
    assert find_commitments(text, now=WED) == []


def test_two_commitments_in_one_sentence():
    text = "Soitan sinulle tänään klo 15 ja lähetän tarjouksen perjantaina."
    first, second = find_commitments(text, now=WED, lang="fi")
    assert (first.text, first.due_at) == ("Soitan sinulle tänään klo 15", at(18, 15))
    assert (second.text, second.due_at) == ("lähetän tarjouksen perjantaina.", at(20, 16))
    for c in (first, second):
        assert text[c.span[0]:c.span[1]] == c.text


def test_commitment_among_other_sentences_with_dates_and_prices():
    text = ("Hei Maija! Tilauksesi 12345 lähti 17.11. ja hinta oli 12.30 €. "
            "Valitettavasti paketti on myöhässä, selvitän asian ja palaan asiaan huomenna klo 12.30.\n\n"
            "Ystävällisin terveisin\nPekka")
    c = one(text, lang="fi")
    assert c.text == "selvitän asian ja palaan asiaan huomenna klo 12.30."
    assert c.due_at == at(19, 12, 30)


def test_english_reply_with_several_sentences():
    text = "Hi John, thanks for waiting. I checked the order. We'll email you the tracking code by 3 pm. " \
           "Have a nice day!"
    c = one(text, lang="en")
    assert c.text == "We'll email you the tracking code by 3 pm."
    assert c.due_at == at(18, 15)


def test_evening_and_weekend_rules():
    # "today" with no time after 16:00: still today, late
    assert one("Palaan asiaan tänään.", now=WED_EVENING).due_at == at(18, 23, 59)
    # no time words after 16:00: next working day
    assert one("I'll get back to you.", now=WED_EVENING).due_at == at(19, 16)
    # on a Friday evening "no time" skips the weekend, "perjantaina" means next Friday
    assert one("Palaan asiaan.", now=FRI_EVENING).due_at == at(23, 16)
    assert one("Palaan asiaan perjantaina.", now=FRI_EVENING).due_at == at(27, 16)
    # a time without a day that has passed: next working day (Monday)
    assert one("Soitan klo 10.", now=FRI_EVENING).due_at == at(23, 10)
    # "tomorrow" is literal, even on a Saturday
    assert one("I'll call you tomorrow.", now=FRI_EVENING).due_at == at(21, 16)


def test_latest_time_wins_in_one_clause():
    assert one("Palaan asiaan tänään tai viimeistään huomenna.").due_at == at(19, 16)


def test_date_without_year_rolls_to_next_year():
    assert one("Palaan asiaan 2.1. mennessä.").due_at == at(2, 16, month=1, year=2027)


def test_naive_now_gives_naive_due_and_is_deterministic():
    now = datetime(2026, 11, 18, 10, 0)
    a = find_commitments("Soitan huomenna klo 12.", now=now)
    b = find_commitments("Soitan huomenna klo 12.", now=now)
    assert a == b
    assert a[0].due_at == datetime(2026, 11, 19, 12, 0)
    assert a[0].due_at.tzinfo is None


def test_language_restricts_verbs():
    assert find_commitments("I'll call you tomorrow.", now=WED, lang="fi") == []
    assert find_commitments("Soitan huomenna.", now=WED, lang="en") == []
    assert len(find_commitments("Soitan huomenna.", now=WED, lang="sv")) == 1  # unknown: both


def test_never_raises_on_token_salad():
    import random

    rnd = random.Random(0)
    tokens = ["Palaan", "soitan", "I'll", "call", "we", "will", "huomenna", "klo", "24", "25.13.", "29.2.",
              "99:99", "12.30", "3", "pm", "a.m.", "Friday", "perjantaihin", "ensi", "viikolla", "next", "week",
              "within", "0", "999", "business", "days", "tunnin", "kuluessa", "2026-02-30", "November", "31st",
              ",", ".", "?", "\n", "ja", "and", "tänään", "today", "noon", "o'clock", "kello", "-", "€"]
    for _ in range(500):
        text = " ".join(rnd.choice(tokens) for _ in range(rnd.randint(0, 25)))
        for c in find_commitments(text, now=WED):
            assert text[c.span[0]:c.span[1]] == c.text and c.due_at.tzinfo is EET


def test_quoted_email_lines_are_ignored():
    text = "Kiitos, hoidan tämän.\n\n> Palaan asiaan huomenna klo 12.\n> Terveisin, Pekka"
    (c,) = find_commitments(text, now=WED)
    assert c.text == "hoidan tämän."
    assert c.due_at == at(18, 16)
