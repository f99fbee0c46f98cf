"""Tiny knowledge folders for tests."""

from __future__ import annotations

from pathlib import Path

DOCS = {
    "paketti/hyllykoodi.md": """---
id: paketti/hyllykoodi
title: Tekstiviestissä hyllykoodi ja "ota henkilöllisyystodistus mukaan"
lang: fi
audience: agent
tags: [paketti, sms]
---
# Hyllykoodi tekstiviestissä
Jos asiakkaan saamassa tekstiviestissä on hyllykoodi ja kehotus ottaa henkilöllisyystodistus mukaan,
paketti ei ole pakettiautomaatissa vaan palvelupisteen tiskillä. Kerro asiakkaalle, että paketti
noudetaan tiskiltä henkilöllisyystodistusta vastaan. Älä syytä asiakasta.
""",
    "paketti/automaatti-koodi.md": """---
id: paketti/automaatti-koodi
title: Pakettiautomaatin noutokoodi ei toimi
lang: fi
audience: agent
tags: [paketti, automaatti]
---
# Noutokoodi ei avaa luukkua
Asiakas ei saa pakettia ulos automaatista, koska noutokoodi ei kelpaa. Tarkista lähetyksen tila ja
lähetä uusi noutokoodi tekstiviestillä. Uusi koodi toimii heti.
""",
    "pankki/lainan-erapaiva.md": """---
id: pankki/lainan-erapaiva
title: Lainan eräpäivä siirtyi väärään suuntaan
lang: fi
audience: agent
tags: [pankki, laina]
---
# Automaattinen eräpäivän siirto
Jos automaattinen prosessi siirsi lainan eräpäivää väärään suuntaan, korjaa maksupäivä
lainajärjestelmässä ja poista mahdolliset viivästyskorot. Soita asiakkaalle saman päivän aikana.
""",
    "tele/billing-error.md": """---
title: Invoice charged twice
lang: en
audience: agent
tags: [telecom, billing]
---
# Double charge on the monthly invoice
When a customer was charged twice for the same month, refund the duplicate charge in the billing
system. The refund reaches the customer's account in 3 banking days. Email the customer a confirmation.
""",
    "tele/faq-billing.md": """---
id: tele/faq-billing
title: Billing questions
lang: en
audience: customer
tags: [telecom, billing, faq]
---
# Billing FAQ
You can see your invoices in My Account. If you think an invoice is wrong, contact customer service.
""",
}


def write_kb(root: Path, docs: dict[str, str] | None = None) -> Path:
    for rel, text in (DOCS if docs is None else docs).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
