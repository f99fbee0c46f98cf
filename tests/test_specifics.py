"""extract_specifics: Finnish and English customer text, pasted SMS, exact kinds and values."""

from __future__ import annotations

import dataclasses
import time

import pytest

from copilot.specifics import (KINDS, Specific, extract_specifics, find_emails, find_ibans,
                               find_phones, iban_is_valid, phone_is_plausible)


def pairs(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.value) for s in extract_specifics(text)]


# --- one kind at a time ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Lähetykseni JJFI64283900012345678 ei ole tullut.", [("tracking_id", "JJFI64283900012345678")]),
    ("Kirje MA123456789FI on kadonnut", [("tracking_id", "MA123456789FI")]),
    ("EMS CX123456785FI lähti eilen", [("tracking_id", "CX123456785FI")]),
    ("UPS says 1Z999AA10123456784 is delayed", [("tracking_id", "1Z999AA10123456784")]),
    ("Pakettipiste: PP 4821 7730 22", [("tracking_id", "PP 4821 7730 22")]),
    ("seurantatunnus 0037 0730 2551 2345 6789", [("tracking_id", "0037 0730 2551 2345 6789")]),
    ("Lähetystunnus: 1234567890", [("tracking_id", "1234567890")]),
    ("My tracking number is 7712345678.", [("tracking_id", "7712345678")]),
    ("Seurantakoodini on ABC12345678", [("tracking_id", "ABC12345678")]),
])
def test_tracking_ids(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tilausnumero 123456.", [("order_number", "123456")]),
    ("tilausnumeroni on 123456", [("order_number", "123456")]),
    ("Tilauksen numero on 654321, kiitos", [("order_number", "654321")]),
    ("Where is my order #A-55821?", [("order_number", "A-55821")]),
    ("tilaus 2026-88123 ei näy", [("order_number", "2026-88123")]),
    ("Order number: 88123", [("order_number", "88123")]),
    ("Order ID: 55821-B", [("order_number", "55821-B")]),
    ("ORD-100234 was cancelled", [("order_number", "ORD-100234")]),
])
def test_order_numbers(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("tapausnumero 77812", [("case_number", "77812")]),
    ("Regarding case 55-1234", [("case_number", "55-1234")]),
    ("Ref: CS-2026-0042", [("case_number", "CS-2026-0042")]),
    ("Tukipyyntöni numero on 99812", [("case_number", "99812")]),
    ("Viitenumero 12345 67897", [("case_number", "12345 67897")]),
    ("ticket 4411 is still open", [("case_number", "4411")]),
])
def test_case_numbers(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, value", [
    ("soita 040 123 4567", "040 123 4567"),
    ("numeroni 0401234567", "0401234567"),
    ("puh. +358 40 123 4567", "+358 40 123 4567"),
    ("vaihde 09 123 4567", "09 123 4567"),
    ("gsm 050-123 45 67", "050-123 45 67"),
    ("Puh:044 987 6543", "044 987 6543"),
    ("+358401234567", "+358401234567"),
    ("call +44 20 7946 0958 please", "+44 20 7946 0958"),
    ("asiakaspalvelu 0800 123 456", "0800 123 456"),
    ("(09) 123 4567", "(09) 123 4567"),
    ("+358 (0)40 123 4567", "+358 (0)40 123 4567"),
])
def test_phones(text, value):
    assert pairs(text) == [("phone", value)]


def test_phone_stops_before_trailing_numbers():
    assert pairs("soita 040 123 4567 12 kertaa") == [("phone", "040 123 4567")]


@pytest.mark.parametrize("text, value", [
    ("lähetä osoitteeseen matti.meikalainen@example.fi.", "matti.meikalainen@example.fi"),
    ("Email: John.Smith+orders@mail.example.co.uk", "John.Smith+orders@mail.example.co.uk"),
])
def test_emails(text, value):
    assert pairs(text) == [("email", value)]


@pytest.mark.parametrize("text, value", [
    ("Toimitus 15.11. mennessä", "15.11."),
    ("toimitettu 15.11.2026", "15.11.2026"),
    ("pvm 15.11.26", "15.11.26"),
    ("delivered 2026-11-15", "2026-11-15"),
    ("on the 15th of November", "15th of November"),
    ("by November 15, 2026 at the latest", "November 15, 2026"),
    ("since Nov 3rd", "Nov 3rd"),
    ("15 November 2026", "15 November 2026"),
    ("3. marraskuuta 2026", "3. marraskuuta 2026"),
    ("marraskuun 15. päivä", "marraskuun 15."),
    ("paid 11/15/2026", "11/15/2026"),
])
def test_dates(text, value):
    assert pairs(text) == [("date", value)]


@pytest.mark.parametrize("text", [
    "Maksoin 31.02.2026",     # no such day
    "versio 1.2.3",
    "maanantaina tai tiistaina",
    "klo 15.30",              # a time, not a date
    "hinta 12.50.",           # month 50
])
def test_not_dates(text):
    assert all(kind != "date" for kind, _ in pairs(text))


@pytest.mark.parametrize("text, value", [
    ("soitan klo 15", "klo 15"),
    ("soitan klo 15.30", "klo 15.30"),
    ("auki kello 9-17", "kello 9-17"),
    ("at 15:00 sharp", "15:00"),
    ("after 3 pm", "3 pm"),
    ("before 10:30am", "10:30am"),
    ("meet at 15.30", "15.30"),
])
def test_times(text, value):
    assert pairs(text) == [("time", value)]


@pytest.mark.parametrize("text, value", [
    ("hinta 49,90 €", "49,90 €"),
    ("maksoin 49,90€.", "49,90€"),
    ("charged €49.90 twice", "€49.90"),
    ("total 49.90 EUR", "49.90 EUR"),
    ("palautus 1 250 euroa", "1 250 euroa"),
    ("maksoin 12e", "12e"),
    ("yhteensä 1.250,00 €", "1.250,00 €"),
    ("total €1,299.00", "€1,299.00"),
    ("5 euron lisämaksu", "5 euron"),
    ("paid $120.50", "$120.50"),
])
def test_amounts(text, value):
    assert pairs(text) == [("amount", value)]


@pytest.mark.parametrize("text, value", [
    ("tilille FI21 1234 5600 0007 85 kiitos", "FI21 1234 5600 0007 85"),
    ("IBAN:FI2112345600000785", "FI2112345600000785"),
    ("Konto SE45 5000 0000 0583 9825 7466", "SE45 5000 0000 0583 9825 7466"),
    ("account GB29 NWBK 6016 1331 9268 19 OK", "GB29 NWBK 6016 1331 9268 19"),
    ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
])
def test_ibans(text, value):
    assert pairs(text) == [("iban", value)]


def test_iban_with_wrong_checksum_is_not_an_iban():
    assert all(kind != "iban" for kind, _ in pairs("tilille FI21 1234 5600 0007 86"))


@pytest.mark.parametrize("text, value", [
    ("Noutokoodi: 123456", "123456"),
    ("koodi 4821", "4821"),
    ("hyllykoodi B12", "B12"),
    ("Shelf code: A-14", "A-14"),
    ("Your pickup code is 55912", "55912"),
    ("Noutokoodisi on 1234. Nouda 7 päivän kuluessa.", "1234"),
])
def test_codes(text, value):
    assert pairs(text) == [("code", value)]


def test_postcode_is_not_a_code():
    assert pairs("zip code 00100, postinumero 00100") == []


# --- mixtures, SMS, positions ----------------------------------------------------------------

def test_pasted_posti_sms_with_line_breaks():
    sms = ("Posti: Lähetys JJFI64283900012345678 on noudettavissa\r\n"
           "Pakettiautomaatti K-Market Keskusta\n"
           "Noutokoodi:\n552194\n"
           "Viimeinen noutopäivä 20.11.2026 klo 21.00")
    assert pairs(sms) == [("tracking_id", "JJFI64283900012345678"), ("code", "552194"),
                          ("date", "20.11.2026"), ("time", "klo 21.00")]


def test_pasted_english_sms():
    sms = ("Your parcel 1Z999AA10123456784 is ready.\nShelf code: A-14\n"
           "Open 8:00-20:00. Questions? +358 20 123 4567")
    assert pairs(sms) == [("tracking_id", "1Z999AA10123456784"), ("code", "A-14"),
                          ("time", "8:00-20:00"), ("phone", "+358 20 123 4567")]


def test_finnish_customer_message():
    text = ("Hei! Tilasin 2 kpl 15.11. ja maksoin 49,90 €. Tilausnumero 123456, "
            "seurantatunnus JJFI64283900012345678. Soittakaa 040 123 4567 tai "
            "laittakaa viestiä matti@example.fi")
    assert pairs(text) == [("date", "15.11."), ("amount", "49,90 €"), ("order_number", "123456"),
                           ("tracking_id", "JJFI64283900012345678"), ("phone", "040 123 4567"),
                           ("email", "matti@example.fi")]


def test_english_customer_message():
    text = ("Hi, order #A-55821 arrived on November 15 but I was charged €49.90 twice. "
            "Please refund to DE89 3704 0044 0532 0130 00 before 3 pm. Case CS-2026-0042.")
    assert pairs(text) == [("order_number", "A-55821"), ("date", "November 15"),
                           ("amount", "€49.90"), ("iban", "DE89 3704 0044 0532 0130 00"),
                           ("time", "3 pm"), ("case_number", "CS-2026-0042")]


def test_offsets_source_and_order():
    text = "klo 15 soita 040 123 4567"
    found = extract_specifics(text, source="sms")
    assert found == [Specific("time", "klo 15", 0, 6, "sms"),
                     Specific("phone", "040 123 4567", 13, 25, "sms")]
    for s in found:
        assert text[s.start:s.end] == s.value


def test_no_overlaps_even_when_detectors_compete():
    text = "tilaus 2026-11-15 ja 01-02-2026, 15.11.2026 49,90 € klo 10.11."
    found = extract_specifics(text)
    assert [(s.kind, s.value) for s in found] == [
        ("date", "2026-11-15"), ("date", "01-02-2026"), ("date", "15.11.2026"),
        ("amount", "49,90 €"), ("time", "klo 10.11")]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_amount_after_order_word_stays_an_amount():
    assert pairs("Tilaus 1234 €") == [("amount", "1234 €")]


@pytest.mark.parametrize("text", [
    "", "Kiitos avusta!", "I ordered 1000 units", "case 1 of 3", "Y-tunnus 1234567-8",
    "Kello on nyt 12.", "vuonna 2026", "postinumero 00100 Helsinki",
])
def test_nothing_to_find(text):
    assert extract_specifics(text) == []


def test_specific_is_frozen_and_kinds_listed():
    s = Specific("phone", "0401234567", 0, 10)
    assert s.source == "message"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.value = "x"  # type: ignore[misc]
    assert set(KINDS) == {"tracking_id", "order_number", "case_number", "phone", "email",
                          "date", "time", "amount", "iban", "code"}


# --- helpers used by copilot.privacy ---------------------------------------------------------

@pytest.mark.parametrize("value, ok", [
    ("FI21 1234 5600 0007 85", True), ("FI4950009420028730", True),
    ("NO93 8601 1117 947", True), ("EE38 2200 2210 2014 5685", True),
    ("XK051212012345678906", True),            # country not in the length table
    ("FI21 1234 5600 0007 86", False), ("FI21 1234 5600 0007 8", False), ("hello", False),
])
def test_iban_is_valid(value, ok):
    assert iban_is_valid(value) is ok


@pytest.mark.parametrize("raw, ok", [
    ("040 123 4567", True), ("0401234567", True), ("09 123 4567", True),
    ("+358 40 123 4567", True), ("+1 202 555 0143", True),
    ("0123456", False),        # bare short number: more likely an id
    ("123 4567", False), ("+358 1", False), ("00100", False),
])
def test_phone_is_plausible(raw, ok):
    assert phone_is_plausible(raw) is ok


def test_finders_return_spans():
    text = "a@b.fi FI2112345600000785 0401234567"
    assert find_emails(text) == [(0, 6)]
    assert find_ibans(text) == [(7, 25)]
    assert find_phones(text) == [(26, 36)]


def test_phone_in_brackets():
    assert pairs("(soita 040 123 4567)") == [("phone", "040 123 4567")]


def test_long_runs_of_numbers_stay_fast():
    text = "1 " * 5000 + "soita 040 123 4567"
    started = time.perf_counter()
    assert pairs(text) == [("phone", "040 123 4567")]
    assert time.perf_counter() - started < 2.0
