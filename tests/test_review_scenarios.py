"""End-to-end scenarios outside the card-block case: one case per language, five kinds of reply each."""

from __future__ import annotations

import pytest

from copilot.review import review

MSG_FI = ("Tilasin netistä pyykinpesukoneen (tilaus 55-78120) ja se piti toimittaa tiistaina klo 8–16. Olin kotona "
          "koko päivän, mutta kukaan ei tullut eikä soittanut. Otin töistä vapaapäivän tätä varten. – Kaisa Mäki")
KB_FI = ["Kodinkoneiden kotiinkuljetus: Jos kuljetus jää toteutumatta ilman ilmoitusta, asiakaspalvelu varaa uuden "
         "toimitusajan kuljetusliikkeen kalenterista (ensimmäinen vapaa aika yleensä 1–3 arkipäivän päästä) ja "
         "hyvittää kuljetusmaksun 39 €. Asiakkaalle voidaan tarjota aamun ensimmäinen toimitusikkuna klo 7–9."]
MSG_EN = ("I was charged twice for my monthly gym membership (49.90 EUR on 1 March, twice). I need that money back – "
          "rent is tight this month. Member no. 30-11872. - Olivia Grant")
KB_EN = ["Duplicate membership charges: If a payment provider error causes a double charge, the agent refunds the "
         "duplicate immediately; the refund reaches the member's bank account in 2–5 banking days. The agent sends a "
         "confirmation email with the refund reference. No paperwork is needed from the member."]

CASES = [
    (set(), "fi", "Hei Kaisa, olen todella pahoillani – otit vapaapäivän turhaan, eikä kuljettaja edes ilmoittanut. "
                  "Varasin uuden toimituksen torstaiaamuksi klo 7–9, eli päivän ensimmäiseen ikkunaan, ja hyvitin "
                  "39 euron kuljetusmaksun. Kuljettaja soittaa sinulle puoli tuntia ennen saapumista."),
    (set(), "fi", "Hei Kaisa, en vielä tiedä, miksi kuljettaja ei tullut, mutta selvitän sen kuljetusliikkeeltä. "
                  "Soitan sinulle tänään klo 16 mennessä ja sovitaan sinulle sopiva uusi aika."),
    ({"deflection"}, "fi", "Hei Kaisa, kuljetukset hoitaa yhteistyökumppanimme, joten uuden toimitusajan saat "
                           "sovittua suoraan heidän kanssaan. Heidän asiakaspalvelunsa tavoittaa arkisin numerosta "
                           "020 123 456."),
    ({"deflection"}, "fi", "Hei Kaisa, ikävää! Voit varata uuden toimitusajan helposti verkkokauppamme Omat tilaukset "
                           "-sivulla osoitteessa kauppa.fi/omat."),
    ({"accusatory"}, "fi", "Hei Kaisa. Kuljettajan mukaan ovikelloon ei vastattu. Toimituspäivänä on tärkeää olla "
                           "tavoitettavissa koko toimitusikkunan ajan, kuten tilausvahvistuksessa mainitaan."),
    ({"accusatory"}, "fi", "Hei Kaisa. Järjestelmämme mukaan kuljettaja kävi paikalla ajallaan. Oletko varma, että "
                           "olit kotona koko toimitusikkunan ajan?"),
    ({"copy_paste"}, "fi", "Hei Kaisa, kiitos viestistäsi! Jos kuljetus jää toteutumatta ilman ilmoitusta, uusi "
                           "toimitusaika varataan kuljetusliikkeen kalenterista; ensimmäinen vapaa aika on yleensä "
                           "1–3 arkipäivän päästä, ja kuljetusmaksu 39 € hyvitetään. Asiakkaalle voidaan tarjota aamun "
                           "ensimmäinen toimitusikkuna klo 7–9. Ystävällisin terveisin"),
    (set(), "en", "Hi Olivia, sorry about this – a double charge is the last thing you need when rent is tight. I've "
                  "refunded the duplicate 49.90 EUR just now; it'll reach your bank in 2–5 banking days, and I've "
                  "emailed you the refund reference. You don't need to send us anything."),
    (set(), "en", "Hi Olivia, I can see both 49.90 EUR charges – you're right, the second one is our provider's "
                  "error. I've refunded it today, so expect it in your account within 5 banking days."),
    ({"deflection"}, "en", "Hi Olivia, payment issues are handled by our payment provider, so the quickest route is "
                           "to contact your bank and ask them to reverse the second charge."),
    ({"deflection"}, "en", "Hi Olivia, thanks for letting us know! Please fill in the billing enquiry form on our "
                           "website and our finance team will look into it."),
    ({"accusatory"}, "en", "Hello Olivia. Double charges are almost always caused by members tapping their card twice "
                           "at the front desk. Please check your own bank statement carefully before contacting us."),
    ({"accusatory"}, "en", "Hello Olivia. Our system shows only one membership fee. Are you sure the second charge is "
                           "not from another purchase you made?"),
    ({"copy_paste"}, "en", "Hi Olivia! If a payment provider error causes a double charge, the duplicate is refunded "
                           "immediately, and the refund reaches the member's bank account in 2–5 banking days. A "
                           "confirmation email with the refund reference is sent. No paperwork is needed from the "
                           "member. Kind regards, Member Services"),
]


@pytest.mark.parametrize("expected,lang,reply", CASES)
def test_scenario(expected, lang, reply):
    msg, kb = (MSG_FI, KB_FI) if lang == "fi" else (MSG_EN, KB_EN)
    rv = review(reply, msg, kb)
    assert set(rv.flags) == expected, {k: rv.checks[k].details for k in ("copy_paste", "accusatory", "deflection")}
    if not expected:
        assert rv.score >= 80
    else:
        assert rv.score <= 40
