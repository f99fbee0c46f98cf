"""UI texts of the side panel in Finnish and English.

``t(key, lang, **values)`` returns the text for ``lang`` (falls back to English, then to the key),
formatted with ``values``. Every key exists in both languages (tests/test_ui_app.py checks it).
"""

from __future__ import annotations

LANGS: dict[str, str] = {"fi": "Suomi", "en": "English"}
DEFAULT_LANG = "fi"

STRINGS: dict[str, dict[str, str]] = {
    "fi": {
        "app.title": "Vastausapuri",
        "app.lang": "Kieli",
        "app.indexing": "Valmistellaan ohjeita ensimmäistä käyttöä varten (voi kestää noin 30 s)…",
        "app.model.offline": "Malli: offline-luonnostelija",
        "app.model": "Malli: {model}",
        "tab.reply": "Vastaus",
        "tab.followups": "Seurannat",
        # case input
        "case.message": "Asiakkaan viesti",
        "case.message.help": "Liitä asiakkaan viesti. Jos asiakas liitti saamansa tekstiviestin, liitä se mukaan.",
        "case.message.placeholder": "Esim. En saa pakettia ulos automaatista, koodi ei kelpaa…",
        "case.channel": "Kanava",
        "case.customer": "Asiakkaan nimi",
        "case.customer.help": "Nimellä löytyvät asiakkaan aiemmat yhteydenotot.",
        "case.details": "Aiempi keskustelu ja lisätiedot",
        "case.history": "Aiempi keskustelu",
        "case.history.help": "Yksi vuoro riville: \"asiakas: …\" tai \"agentti: …\" (myös customer:/agent:).",
        "case.history.placeholder": "asiakas: Tilasin paketin viime viikolla.\nagentti: Kiitos, tarkistan asian.",
        "case.history.parsed": "{n} aiempaa viestiä luettu.",
        "case.agent": "Oma nimesi (allekirjoitukseen)",
        "case.missing": "Kirjoita tai liitä ensin asiakkaan viesti.",
        "case.opened": "Avattu tapaus #{id} päiväkirjasta.",
        "channel.chat": "Chat",
        "channel.email": "Sähköposti",
        "channel.phone": "Puhelin",
        "channel.sms": "Tekstiviesti",
        "channel.web": "Verkkolomake",
        # customer history
        "hist.summary": "{n} aiempaa yhteydenottoa, viimeisin {when}.",
        "hist.none": "Ei aiempia yhteydenottoja tällä nimellä.",
        "hist.timeline": "Aikajana",
        "hist.case": "asiakas",
        "hist.sent": "vastaus",
        "hist.open_followups": "Avoimia seurantoja: {n}.",
        # draft
        "draft.button": "Luonnostele vastaus",
        "draft.streaming": "Kirjoitetaan luonnosta…",
        "draft.editor": "Vastaus (muokattava)",
        "draft.editor.help": "Muokkaa vapaasti. Tarkistus päivittyy, kun poistut kentästä (tai Ctrl+Enter).",
        "draft.lang": "Kieli: {lang}",
        "draft.sources": "Lähteet ({n})",
        "draft.no_sources": "Ei ohjetta löytynyt – tarkista vastaus erityisen huolella.",
        "draft.source.file": "Tiedosto",
        "draft.specifics": "Tunnistetut tiedot",
        "draft.summary": "Tapauksen yhteenveto",
        "draft.empty": "Luonnos on tyhjä.",
        # review
        "review.header": "Tarkistus",
        "review.score": "Kokonaispisteet {score}/100",
        "review.passed": "Läpäistyt tarkistukset ({n})",
        "review.failed_none": "Kaikki tarkistukset läpäisty.",
        "review.highlight": "Korostetut kohdat",
        # quick actions
        "act.regenerate": "Luonnostele uudelleen",
        "act.friendlier": "Ystävällisemmäksi",
        "act.shorter": "Lyhyemmäksi",
        "act.formal": "Muodollisemmaksi",
        "act.commit": "Lisää lupaus palata asiaan",
        "act.needs_model": "Tämä vaatii kielimallin: aseta COPILOT_MODEL.",
        "act.rewritten": "Vastaus muokattu ({style}).",
        "act.committed": "Lupaus lisätty: {sentence}",
        "style.friendlier": "ystävällisemmäksi",
        "style.shorter": "lyhyemmäksi",
        "style.formal": "muodollisemmaksi",
        # send
        "send.button": "Merkitse lähetetyksi",
        "send.done": "Merkitty lähetetyksi ja tallennettu päiväkirjaan (#{id}). Kopioi teksti alta.",
        "send.copy": "Lähetetty teksti (kopioi oikean yläkulman painikkeella):",
        "send.followups": "Seurantaan lisätty: {items}",
        "send.resend": "Tekstiä on muokattu lähettämisen jälkeen.",
        "send.new_case": "Uusi tapaus",
        "send.empty": "Vastaus on tyhjä.",
        # feedback
        "fb.header": "Palaute luonnoksesta",
        "fb.reason": "Syy (valinnainen)",
        "fb.reason.placeholder": "Esim. väärä ohje, liian pitkä…",
        "fb.button": "Lähetä palaute",
        "fb.pick": "Valitse ensin peukku ylös tai alas.",
        "fb.thanks": "Kiitos palautteesta!",
        # follow-ups
        "fu.header": "Avoimet seurannat",
        "fu.none": "Ei avoimia seurantoja.",
        "fu.due": "Määräaika {when}",
        "fu.overdue": "Myöhässä – määräaika oli {when}",
        "fu.done": "Merkitse tehdyksi",
        "fu.marked": "Seuranta merkitty tehdyksi.",
        "fu.customer": "Asiakas: {customer}",
        "fu.case": "Tapaus #{id}",
        # earlier cases
        "cases.header": "Aiemmat tapaukset",
        "cases.none": "Päiväkirjassa ei ole vielä tapauksia.",
        "cases.pick": "Valitse tapaus",
        "cases.open": "Avaa tapaus",
        "cases.sent_count": "{n} lähetetty",
        "cases.no_customer": "nimetön",
        # errors
        "error.generic": "Jotain meni pieleen. Yritä uudelleen; jos virhe toistuu, katso lokit.",
    },
    "en": {
        "app.title": "Reply copilot",
        "app.lang": "Language",
        "app.indexing": "Preparing the instructions for first use (can take about 30 s)…",
        "app.model.offline": "Model: offline composer",
        "app.model": "Model: {model}",
        "tab.reply": "Reply",
        "tab.followups": "Follow-ups",
        "case.message": "Customer message",
        "case.message.help": "Paste the customer's message. If they pasted an SMS they received, include it too.",
        "case.message.placeholder": "E.g. I can't get my parcel out of the locker, the code doesn't work…",
        "case.channel": "Channel",
        "case.customer": "Customer name",
        "case.customer.help": "The name finds the customer's earlier contacts.",
        "case.details": "Earlier conversation and details",
        "case.history": "Earlier conversation",
        "case.history.help": "One turn per line: \"customer: …\" or \"agent: …\" (also asiakas:/agentti:).",
        "case.history.placeholder": "customer: I ordered a parcel last week.\nagent: Thanks, I'll check.",
        "case.history.parsed": "{n} earlier messages read.",
        "case.agent": "Your name (for the sign-off)",
        "case.missing": "Type or paste the customer's message first.",
        "case.opened": "Opened case #{id} from the journal.",
        "channel.chat": "Chat",
        "channel.email": "Email",
        "channel.phone": "Phone",
        "channel.sms": "SMS",
        "channel.web": "Web form",
        "hist.summary": "{n} earlier contacts, latest {when}.",
        "hist.none": "No earlier contacts under this name.",
        "hist.timeline": "Timeline",
        "hist.case": "customer",
        "hist.sent": "reply",
        "hist.open_followups": "Open follow-ups: {n}.",
        "draft.button": "Draft a reply",
        "draft.streaming": "Writing the draft…",
        "draft.editor": "Reply (editable)",
        "draft.editor.help": "Edit freely. The review updates when you leave the field (or Ctrl+Enter).",
        "draft.lang": "Language: {lang}",
        "draft.sources": "Sources ({n})",
        "draft.no_sources": "No instruction found – check the reply with extra care.",
        "draft.source.file": "File",
        "draft.specifics": "Detected details",
        "draft.summary": "Case summary",
        "draft.empty": "The draft is empty.",
        "review.header": "Review",
        "review.score": "Overall score {score}/100",
        "review.passed": "Passed checks ({n})",
        "review.failed_none": "All checks passed.",
        "review.highlight": "Highlighted passages",
        "act.regenerate": "Regenerate",
        "act.friendlier": "Friendlier",
        "act.shorter": "Shorter",
        "act.formal": "More formal",
        "act.commit": "Insert a follow-up promise",
        "act.needs_model": "This needs a model: set COPILOT_MODEL.",
        "act.rewritten": "Reply rewritten ({style}).",
        "act.committed": "Promise added: {sentence}",
        "style.friendlier": "friendlier",
        "style.shorter": "shorter",
        "style.formal": "more formal",
        "send.button": "Mark as sent",
        "send.done": "Marked as sent and saved to the journal (#{id}). Copy the text below.",
        "send.copy": "Sent text (copy with the button at the top right):",
        "send.followups": "Added to follow-ups: {items}",
        "send.resend": "The text was edited after sending.",
        "send.new_case": "New case",
        "send.empty": "The reply is empty.",
        "fb.header": "Feedback on the draft",
        "fb.reason": "Reason (optional)",
        "fb.reason.placeholder": "E.g. wrong instruction, too long…",
        "fb.button": "Send feedback",
        "fb.pick": "Pick thumbs up or down first.",
        "fb.thanks": "Thanks for the feedback!",
        "fu.header": "Open follow-ups",
        "fu.none": "No open follow-ups.",
        "fu.due": "Due {when}",
        "fu.overdue": "Overdue – was due {when}",
        "fu.done": "Mark done",
        "fu.marked": "Follow-up marked done.",
        "fu.customer": "Customer: {customer}",
        "fu.case": "Case #{id}",
        "cases.header": "Earlier cases",
        "cases.none": "No cases in the journal yet.",
        "cases.pick": "Pick a case",
        "cases.open": "Open case",
        "cases.sent_count": "{n} sent",
        "cases.no_customer": "no name",
        "error.generic": "Something went wrong. Try again; if it keeps happening, check the logs.",
    },
}

# Labels of review checks and specifics kinds; unknown names fall back to a readable form of the name.
CHECK_LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "copy_paste": "Ei ohjetekstin kopiointia", "accusatory": "Ei syyllistämistä",
        "deflection": "Ei pallottelua muualle", "empathy": "Empatia", "specificity": "Asiakkaan tiedot",
        "ownership": "Vastuu ja seuraava askel", "grounding": "Perustuu ohjeisiin", "language": "Asiakkaan kieli",
        "judge": "Arvioija (kielimalli)",
    },
    "en": {
        "copy_paste": "No copied instruction text", "accusatory": "No blaming",
        "deflection": "No sending elsewhere", "empathy": "Empathy", "specificity": "Customer's details",
        "ownership": "Ownership and next step", "grounding": "Backed by instructions",
        "language": "Customer's language", "judge": "Judge (model)",
    },
}

SPECIFIC_LABELS: dict[str, dict[str, str]] = {
    "fi": {"tracking_id": "Seurantatunnus", "order_number": "Tilausnumero", "case_number": "Tapausnumero",
           "phone": "Puhelin", "email": "Sähköposti", "date": "Päivämäärä", "time": "Kellonaika",
           "amount": "Summa", "iban": "Tilinumero", "code": "Koodi"},
    "en": {"tracking_id": "Tracking id", "order_number": "Order number", "case_number": "Case number",
           "phone": "Phone", "email": "Email", "date": "Date", "time": "Time",
           "amount": "Amount", "iban": "IBAN", "code": "Code"},
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "fi": {"fi": "suomi", "en": "englanti", "sv": "ruotsi", "et": "viro", "ru": "venäjä", "de": "saksa"},
    "en": {"fi": "Finnish", "en": "English", "sv": "Swedish", "et": "Estonian", "ru": "Russian", "de": "German"},
}


def norm_lang(lang: str | None) -> str:
    return lang if lang in STRINGS else DEFAULT_LANG


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The UI text ``key`` in ``lang`` (fallback: English, then the key itself)."""
    lang = norm_lang(lang)
    text = STRINGS[lang].get(key) or STRINGS["en"].get(key) or key
    return text.format(**values) if values else text


def _readable(name: str) -> str:
    return name.replace("_", " ").replace("-", " ").strip().capitalize() or name


def check_label(name: str, lang: str | None = None) -> str:
    return CHECK_LABELS[norm_lang(lang)].get(name) or _readable(name)


def specific_label(kind: str, lang: str | None = None) -> str:
    return SPECIFIC_LABELS[norm_lang(lang)].get(kind) or _readable(kind)


def language_name(code: str | None, lang: str | None = None) -> str:
    if not code:
        return "?"
    return LANGUAGE_NAMES[norm_lang(lang)].get(code, code)
