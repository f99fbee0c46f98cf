"""Short hints shown to the agent, in the reply's language (Finnish or English)."""

from __future__ import annotations

HINTS: dict[str, dict[str, str]] = {
    "copy_paste.recited": {
        "fi": "Tämä on ohjetekstiä sellaisenaan — kerro, mitä teet juuri tämän asiakkaan asiassa",
        "en": "This repeats the knowledge text — say what you are doing for this customer",
    },
    "copy_paste.faq_voice": {
        "fi": "Tämä kuulostaa UKK-tekstiltä — puhuttele asiakasta suoraan ja käytä hänen tietojaan",
        "en": "This reads like FAQ text — speak to the customer directly and use their details",
    },
    "accusatory.counterfactual": {
        "fi": "Tämä kuulostaa syyttävältä — kerro mitä asiakas voi tehdä seuraavaksi",
        "en": "This sounds like blame — say what happens next instead",
    },
    "accusatory.failure": {
        "fi": "Älä syytä asiakasta — kerro, mitä tapahtui ja miten asia korjataan",
        "en": "Don't blame the customer — explain what happened and how it gets fixed",
    },
    "accusatory.as_told": {
        "fi": "”Kuten jo kerrottiin” kuulostaa moitteelta — kerro asia uudelleen ystävällisesti",
        "en": "'As already told' sounds like a reprimand — just restate it kindly",
    },
    "accusatory.dont_contact": {
        "fi": "Älä kiellä asiakasta ottamasta yhteyttä — kerro, miten asia etenee",
        "en": "Don't tell the customer to stop contacting you — say how the case moves on",
    },
    "accusatory.responsibility": {
        "fi": "Vastuun sälyttäminen asiakkaalle kuulostaa syyttävältä — kerro, mitä voit tehdä",
        "en": "Putting the responsibility on the customer sounds like blame — say what you can do",
    },
    "accusatory.suspicion": {
        "fi": "Älä kohtele asiakasta epäiltynä — kerro, mitä tapahtui ja mitä teet",
        "en": "Don't treat the customer as a suspect — explain what happened and what you'll do",
    },
    "accusatory.generic_blame": {
        "fi": "Yleistys asiakkaiden virheistä kuulostaa syyttävältä — keskity tähän tapaukseen",
        "en": "Generalising about customers' mistakes sounds like blame — focus on this case",
    },
    "accusatory.reprimand": {
        "fi": "Tämä kuulostaa nuhtelulta — kiitä yhteydenotosta ja kerro seuraava askel",
        "en": "This sounds like a telling-off — thank them for reaching out and give the next step",
    },
    "accusatory.rule_quote": {
        "fi": "Säännön lainaaminen moitteena kuulostaa syyttävältä — kerro sääntö neutraalisti ja mitä teet",
        "en": "Quoting the rules at the customer sounds like blame — state the rule neutrally and what you'll do",
    },
    "deflection.redirect": {
        "fi": "Asiakas ohjataan muualle — hoida asia itse tai kerro, kuka ottaa sen ja milloin",
        "en": "This sends the customer elsewhere — own it, or say who takes it over and by when",
    },
    "deflection.routing": {
        "fi": "”Asiaa hoitaa toinen yksikkö” ilman jatkoa — välitä asia itse ja kerro aikataulu",
        "en": "'Another team handles this' with no follow-through — pass it on yourself and give a time",
    },
    "empathy.missing": {
        "fi": "Tunnusta asiakkaan tilanne ennen ratkaisua (esim. kiire, harmi, odotus)",
        "en": "Acknowledge the customer's situation before the fix (urgency, hassle, waiting)",
    },
    "empathy.generic": {
        "fi": "Pahoittelu on yleinen — mainitse, mihin se liittyy asiakkaan tilanteessa",
        "en": "The apology is generic — name what it is about in the customer's situation",
    },
    "specificity.low": {
        "fi": "Käytä asiakkaan omia tietoja (nimi, numerot, päivämäärät, asia)",
        "en": "Use the customer's own details (name, numbers, dates, the issue)",
    },
    "ownership.missing": {
        "fi": "Kerro minä-muodossa, mitä teet ja milloin (esim. ”palaan asiaan tänään klo 15 mennessä”)",
        "en": "Say in the first person what you'll do and by when (e.g. 'I'll email you by 15:00 today')",
    },
    "ownership.no_time": {
        "fi": "Lisää aikataulu: milloin asia on hoidettu tai milloin palaat asiaan",
        "en": "Add a time: when it will be done or when you'll get back to them",
    },
    "grounding.unsupported": {
        "fi": "Tätä lukua tai lupausta ei löydy ohjeista — tarkista se",
        "en": "This number or promise is not in the knowledge — check it",
    },
    "language.mismatch": {
        "fi": "Vastaa asiakkaan kielellä ({want})",
        "en": "Reply in the customer's language ({want})",
    },
}

LANG_NAMES = {"fi": {"fi": "suomi", "en": "englanti", "sv": "ruotsi"},
              "en": {"fi": "Finnish", "en": "English", "sv": "Swedish"}}


def hint(key: str, lang: str, **kw: str) -> str:
    entry = HINTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kw) if kw else text


def lang_name(code: str, in_lang: str) -> str:
    return LANG_NAMES.get(in_lang, LANG_NAMES["en"]).get(code, code)
