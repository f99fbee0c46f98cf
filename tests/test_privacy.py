"""PiiMasker: exact masked texts, checksums, consistency, round trips, no false positives."""

from __future__ import annotations

import pytest

from copilot.errors import UsageError
from copilot.privacy import (PiiMasker, card_is_plausible, find_pii, hetu_is_valid,
                             luhn_is_valid, mask_messages)


def masked(text: str) -> str:
    return PiiMasker().mask(text)


# --- henkilötunnus ---------------------------------------------------------------------------

@pytest.mark.parametrize("hetu", [
    "131052-308T",    # 1900s, classic sign
    "010594Y9032",    # 1900s, new sign (2023)
    "311299U9008",    # 1900s, new sign
    "010106A123Y",    # 2000s
    "150323E456R",    # 2000s, new sign
    "010180+1232",    # 1800s, digit as check character
])
def test_valid_hetu_is_masked(hetu):
    assert hetu_is_valid(hetu)
    assert masked(f"Henkilötunnukseni on {hetu}.") == "Henkilötunnukseni on [HETU_1]."


@pytest.mark.parametrize("hetu", [
    "131052-308U",    # wrong check character
    "010106A123X",    # wrong check character
    "310299-308T",    # 31 February does not exist
    "131052G308T",    # G is not a century sign
])
def test_invalid_hetu_is_not_masked(hetu):
    assert not hetu_is_valid(hetu)
    assert masked(f"hetu {hetu}") == f"hetu {hetu}"


def test_lowercase_hetu_check_char_is_accepted():
    assert masked("hetu: 131052-308t") == "hetu: [HETU_1]"


# --- IBAN, cards -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Palautus tilille FI21 1234 5600 0007 85 kiitos",
     "Palautus tilille [IBAN_1] kiitos"),
    ("IBAN:FI2112345600000785.", "IBAN:[IBAN_1]."),
    ("refund to GB29 NWBK 6016 1331 9268 19 please", "refund to [IBAN_1] please"),
    ("Konto SE45 5000 0000 0583 9825 7466", "Konto [IBAN_1]"),
    ("väärä FI21 1234 5600 0007 86", "väärä FI21 1234 5600 0007 86"),
])
def test_iban(text, expected):
    assert masked(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("kortti 4111 1111 1111 1111", "kortti [CARD_1]"),
    ("card 5555-5555-5555-4444 expired", "card [CARD_1] expired"),
    ("Amex 3782 822463 10005", "Amex [CARD_1]"),
    ("4012888888881881", "[CARD_1]"),
    ("kortti 4111 1111 1111 1112", "kortti 4111 1111 1111 1112"),   # fails Luhn
    ("card 6011 1111 1111 1118", "card 6011 1111 1111 1118"),       # fails Luhn
])
def test_cards(text, expected):
    assert masked(text) == expected


def test_iban_is_not_masked_as_card():
    m = PiiMasker()
    assert m.mask("FI49 5000 9420 0287 30") == "[IBAN_1]"
    assert list(m.mapping) == ["[IBAN_1]"]


def test_luhn_and_card_helpers():
    assert luhn_is_valid("4111111111111111")
    assert not luhn_is_valid("4111111111111112")
    assert not luhn_is_valid("41a1")
    assert card_is_plausible("4111 1111 1111 1111")
    assert not card_is_plausible("0000 0000 0000 0000")   # Luhn-valid but no card network
    assert not card_is_plausible("4111 1111 1")            # too short


# --- phones, e-mails ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("soita 040 123 4567", "soita [PHONE_1]"),
    ("numero 0401234567.", "numero [PHONE_1]."),
    ("puh. +358 40 123 4567", "puh. [PHONE_1]"),
    ("vaihde 09 123 4567, gsm 050-123 45 67", "vaihde [PHONE_1], gsm [PHONE_2]"),
    ("call me on +44 20 7946 0958", "call me on [PHONE_1]"),
    ("Puh:044 987 6543\nmatti@firma.fi", "Puh:[PHONE_1]\n[EMAIL_1]"),
    ("Email: John.Smith+orders@mail.example.co.uk.", "Email: [EMAIL_1]."),
])
def test_phones_and_emails(text, expected):
    assert masked(text) == expected


# --- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Osoite: Mannerheimintie 12 B 34, 00100 Helsinki.", "Osoite: [ADDRESS_1]."),
    ("Hämeenkatu 5 as. 7\n33100 Tampere", "[ADDRESS_1]"),
    ("Toimitus osoitteeseen Kotikuja 3, kiitos", "Toimitus osoitteeseen [ADDRESS_1], kiitos"),
    ("Asun Kotikujalla 3 ja työskentelen Hämeenkadulla 12",
     "Asun [ADDRESS_1] ja työskentelen [ADDRESS_2]"),
    ("I live at 12 Baker Street.", "I live at [ADDRESS_1]."),
    ("send it to 221B Baker Street, London NW1 6XE today",
     "send it to [ADDRESS_1] today"),
    ("Flat 3, 10 Downing Street", "[ADDRESS_1]"),
])
def test_addresses(text, expected):
    assert masked(text) == expected


def test_address_parts_are_the_mapping_values():
    m = PiiMasker()
    m.mask("Mannerheimintie 12 B 34, 00100 Helsinki")
    assert m.mapping == {"[ADDRESS_1]": "Mannerheimintie 12 B 34, 00100 Helsinki"}


# --- what must stay -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Seurantatunnus JJFI64283900012345678, kirje MA123456789FI, UPS 1Z999AA10123456784",
    "Pakettipiste PP 4821 7730 22",
    "Tilausnumero 123456, order #A-55821, tilaus 2026-88123",
    "tapausnumero 77812, case 55-1234, CS-2026-0042",
    "Summa 49,90 €, €49.90, 1 250 euroa, 12e, 1.250,00 €",
    "Toimitus 15.11.2026 klo 15.30, 2026-11-15, 01-02-2026, November 15",
    "Noutokoodi: 123456, hyllykoodi B12, Shelf code: A-14",
    "seurantatunnus 0037 0730 2551 2345 6789",
    "order 4111111111111111",              # Luhn-valid, but named as an order number
    "tracking 5555555555554444",
    "postinumero 00100 Helsinki",
    "Kiitos avusta, hyvää päivänjatkoa!",
    "Y-tunnus 1234567-8",
])
def test_no_false_positives(text):
    m = PiiMasker()
    assert m.mask(text) == text
    assert m.mapping == {}


# --- whole messages --------------------------------------------------------------------------------

def test_pasted_sms_and_personal_data_together():
    text = ("Hei, tässä Postin viesti:\n"
            "Lähetys JJFI64283900012345678 noudettavissa 20.11. asti. Noutokoodi: 552194\n"
            "Minun puhelin on 040 123 4567 ja hetu 131052-308T. Palautus tilille "
            "FI21 1234 5600 0007 85. Osoite Kotikuja 3, 00100 Helsinki.")
    assert masked(text) == (
        "Hei, tässä Postin viesti:\n"
        "Lähetys JJFI64283900012345678 noudettavissa 20.11. asti. Noutokoodi: 552194\n"
        "Minun puhelin on [PHONE_1] ja hetu [HETU_1]. Palautus tilille [IBAN_1]. "
        "Osoite [ADDRESS_1].")


def test_english_message():
    text = ("Hi, I'm at 12 Baker Street. Order #A-55821 (paid €49.90 with card "
            "4111 1111 1111 1111) never came. Call +44 20 7946 0958 or jane@example.com.")
    assert masked(text) == (
        "Hi, I'm at [ADDRESS_1]. Order #A-55821 (paid €49.90 with card "
        "[CARD_1]) never came. Call [PHONE_1] or [EMAIL_1].")


def test_find_pii_spans():
    text = "hetu 131052-308T, puh 0401234567"
    found = find_pii(text)
    assert [(f.kind, f.value, f.start, f.end) for f in found] == [
        ("HETU", "131052-308T", 5, 16), ("PHONE", "0401234567", 22, 32)]


# --- consistency and round trips ----------------------------------------------------------------

def test_same_value_same_placeholder_across_texts():
    m = PiiMasker()
    first = m.mask("Soita 040 123 4567 tai maili matti@example.fi")
    second = m.mask("Sähköposti matti@example.fi, uusi numero 050 765 4321, vanha 040 123 4567")
    assert first == "Soita [PHONE_1] tai maili [EMAIL_1]"
    assert second == "Sähköposti [EMAIL_1], uusi numero [PHONE_2], vanha [PHONE_1]"
    assert m.mapping == {"[PHONE_1]": "040 123 4567", "[EMAIL_1]": "matti@example.fi",
                         "[PHONE_2]": "050 765 4321"}


def test_two_maskers_are_independent():
    a, b = PiiMasker(), PiiMasker()
    assert a.mask("x@example.fi") == "[EMAIL_1]"
    assert b.mask("y@example.fi") == "[EMAIL_1]"
    assert b.unmask("[EMAIL_1]") == "y@example.fi"


@pytest.mark.parametrize("text", [
    "Henkilötunnus 010594Y9032, IBAN FI21 1234 5600 0007 85, kortti 5555-5555-5555-4444",
    "Puh: +358 40 123 4567\nOsoite: Hämeenkatu 5 as. 7\n33100 Tampere\nJJFI64283900012345678",
    "I live at 221B Baker Street, London NW1 6XE. Email sherlock@example.co.uk, 3 pm.",
    "Ei henkilötietoja, tilaus 123456 ja 49,90 €.",
])
def test_round_trip(text):
    m = PiiMasker()
    out = m.mask(text)
    assert out != text or not m.mapping
    assert m.unmask(out) == text


def test_unmask_tolerates_model_variations():
    m = PiiMasker()
    m.mask("040 123 4567, matti@example.fi, FI21 1234 5600 0007 85")
    draft = "Soitamme numeroon [phone_1] ja lähetämme (EMAIL 1). Tili {Iban-1}, PHONE_1."
    assert m.unmask(draft) == ("Soitamme numeroon 040 123 4567 ja lähetämme matti@example.fi. "
                               "Tili FI21 1234 5600 0007 85, 040 123 4567.")


def test_unmask_leaves_unknown_placeholders():
    m = PiiMasker()
    m.mask("040 123 4567")
    assert m.unmask("[PHONE_2] ja [CARD_1] ja [PHONE_1]") == "[PHONE_2] ja [CARD_1] ja 040 123 4567"


def test_mapping_is_a_copy():
    m = PiiMasker()
    m.mask("matti@example.fi")
    m.mapping.clear()
    assert m.mapping == {"[EMAIL_1]": "matti@example.fi"}


def test_mask_twice_is_stable():
    m = PiiMasker()
    once = m.mask("soita 040 123 4567")
    assert m.mask(once) == once == "soita [PHONE_1]"


# --- messages ----------------------------------------------------------------------------------------

def test_mask_messages_keeps_other_fields_and_placeholders():
    m = PiiMasker()
    messages = [
        {"role": "system", "content": "Olet asiakaspalvelija."},
        {"role": "user", "content": "Puh 040 123 4567", "name": "customer"},
        {"role": "user", "content": [{"type": "text", "text": "040 123 4567 / a@b.fi"}]},
        {"role": "assistant", "content": None},
    ]
    out = m.mask_messages(messages)
    assert out == [
        {"role": "system", "content": "Olet asiakaspalvelija."},
        {"role": "user", "content": "Puh [PHONE_1]", "name": "customer"},
        {"role": "user", "content": [{"type": "text", "text": "[PHONE_1] / [EMAIL_1]"}]},
        {"role": "assistant", "content": None},
    ]
    assert messages[1]["content"] == "Puh 040 123 4567"   # input untouched


def test_module_level_mask_messages():
    assert mask_messages([{"role": "user", "content": "a@b.fi"}]) == [
        {"role": "user", "content": "[EMAIL_1]"}]
    shared = PiiMasker()
    shared.mask("c@d.fi")
    assert mask_messages([{"role": "user", "content": "a@b.fi c@d.fi"}], shared) == [
        {"role": "user", "content": "[EMAIL_2] [EMAIL_1]"}]


def test_wrong_input_types_raise_usage_error():
    m = PiiMasker()
    with pytest.raises(UsageError):
        m.mask(None)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        m.unmask(42)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        m.mask_messages(["hello"])  # type: ignore[list-item]


def test_brackets_around_numbers_stay_outside_the_placeholder():
    assert masked("(puh 040 123 4567) tai (card 4111 1111 1111 1111)") == (
        "(puh [PHONE_1]) tai (card [CARD_1])")
