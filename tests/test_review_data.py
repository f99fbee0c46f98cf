"""Shared cases for the review tests (no tests here): one card-block case in Finnish and English."""

from __future__ import annotations

from copilot.case import Case, CustomerProfile

FI_MSG = ("Korttini lakkasi toimimasta, kun vaihdoin puhelinnumeroni verkkopankissa. "
          "Vuokra pitäisi maksaa huomenna! – Maija Virtanen")
EN_MSG = ("My card stopped working after I changed my phone number in online banking. "
          "Rent is due tomorrow! – Sam Taylor")
FI_KB = ["Kortin sulku: Kun asiakkaan puhelinnumero vaihtuu verkkopankissa, kortti voidaan sulkea automaattisesti "
         "24 tunnin ajaksi. Suljetun kortin voi avata uudelleen, kun asiakkaan henkilöllisyys on varmistettu. "
         "Avaus tulee voimaan noin 30 minuutissa."]
EN_KB = ["Card block: When a customer's phone number changes in online banking, the card may be blocked "
         "automatically for 24 hours. A blocked card can be reopened once the customer's identity has been "
         "verified. Reopening takes effect in about 30 minutes."]

FI_CASE = Case(message=FI_MSG, customer=CustomerProfile(name="Maija Virtanen"))
EN_CASE = Case(message=EN_MSG, customer=CustomerProfile(name="Sam Taylor"))

FI_GOOD = ("Hei Maija, pahoittelen – korttisi sulkeutui automaattisesti, kun numerosi vaihtui. Avasin kortin juuri, "
           "ja se toimii noin 30 minuutin kuluttua, joten ehdit hyvin maksaa huomisen vuokran.")
EN_GOOD = ("Hi Sam, I'm sorry – your card was blocked automatically when your number changed. I've just reopened it, "
           "and it will work again in about 30 minutes, so the rent can go out tomorrow as planned.")


def case_and_kb(lang: str):
    return (FI_CASE, FI_KB) if lang == "fi" else (EN_CASE, EN_KB)
