"""Every legal fact the site states (fees, time limits, key dates, articles), each with its source and confidence.

A fact names what it says in plain English, the value as the code and the content use it, and where it comes
from: an article of an act in `acts.py`, or an official page with the day it was read (and its own date, when
the page shows one). The machine-readable parts (`fee_kind` with `amount`, `days`, `on`, `statuses`,
`code_refs`) are what the tests match against the fees, the case catalogue and the constants in the code.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from portal.legal_sources.acts import CHECKED


class Confidence(Enum):
    CONFIRMED = "confirmed"  # the act's text or an official page says so
    SECONDARY = "secondary"  # only secondary sources (law firms, media, universities)
    CONFLICTING = "conflicting"  # sources disagree, or an official page still online is out of date
    UNCONFIRMED = "unconfirmed"  # not found in any source read: to be checked in ISAP before relying on it


@dataclass(frozen=True)
class OfficialPage:
    url: str
    read_on: date = CHECKED
    published: date | None = None  # the page's own date, when it shows one


@dataclass(frozen=True)
class Fact:
    key: str
    topic: str  # "fee", "time limit", "date" or "article"
    statement: str
    confidence: Confidence
    act: str = ""  # key of the act in acts.py
    article: str = ""  # as cited in Polish, e.g. "art. 112a ust. 1"
    pages: tuple[OfficialPage, ...] = ()
    note: str = ""
    fee_kind: str = ""  # GuideFee.Kind value
    amount: Decimal | None = None
    reduced: Decimal | None = None
    days: int | None = None
    on: date | None = None
    statuses: tuple[str, ...] = ()  # case-status codes whose deadline this is
    code_refs: tuple[str, ...] = field(default=())  # "module:NAME" constants that must equal `days` or `on`

    @property
    def confirmed(self) -> bool:
        return self.confidence is Confidence.CONFIRMED


_C, _S, _X, _U = Confidence.CONFIRMED, Confidence.SECONDARY, Confidence.CONFLICTING, Confidence.UNCONFIRMED
POZNAN_FEES = OfficialPage("https://migrant.poznan.uw.gov.pl/en/wskazowki/feesstamp-duty")
POZNAN_CARD = OfficialPage("https://migrant.poznan.uw.gov.pl/en/procedury/issue-residence-card")
MOS_CARD_FEES = OfficialPage("https://mos.cudzoziemcy.gov.pl/vn/informacje/kp/oplaty")
UDSC_FEES = OfficialPage(
    "https://www.gov.pl/web/udsc-en/stamp-duty-and-residence-card-issuance-fees", published=date(2026, 4, 29)
)
POZNAN_APPEAL = OfficialPage(
    "https://migrant.poznan.uw.gov.pl/ru/faq/nie-zgadzam-sie-z-wydana-decyzja-odmowna-jak-moge-sie-odwolaczlozyc-"
    "odwolanie",
    published=date(2023, 9, 11),
)
POZNAN_NO_REFUND = OfficialPage("https://migrant.poznan.uw.gov.pl/en/node/5067")
POZNAN_REMINDER = OfficialPage("https://migrant.poznan.uw.gov.pl/en/slownik-pojec/reminder")
POZNAN_SIGNATURE = OfficialPage(
    "https://migrant.poznan.uw.gov.pl/en/slownik-pojec/electronic-signature-applicationsign-documents-electronically"
)
PUP_2025 = OfficialPage(
    "https://goleniow.praca.gov.pl/rynek-pracy/aktualnosci/-/asset_publisher/8VCc6CLiHUaO/content/zmiany-w-"
    "zatrudnieniu-cudzoziemcow-od-1-czerwca-2025"
)
UDSC_PROTECTION = OfficialPage("https://www.gov.pl/web/udsc/aktualnosci-udsc?page=3", published=date(2025, 8, 13))
# Pages read for the guides added for issue 12 (visa extension, invitation, EU citizens, travel documents...).
_READ = date(2026, 12, 1)
DUW_VISA = OfficialPage("https://przybysz.duw.pl/cudzoziemcy-pobyt/przedluzenie-wizy-krajowej-lub-schengen/", _READ)
MAZOWIECKIE_VISA_FEES = OfficialPage(
    "https://www.mazowieckie.pl/pl/dla-klienta/cudzoziemcy/zezwolenia-na-pobyt/przedluzenie-wizy/14947,Jakie-oplaty-"
    "musze-wniesc.html", _READ, published=date(2014, 4, 2))
POZNAN_INVITATION = OfficialPage("http://www.poznan.uw.gov.pl/wpis-do-ewidencji-zaproszen", _READ)
MAZOWIECKIE_INVITATION = OfficialPage(
    "https://migrant.wsc.mazowieckie.pl/pl/procedury/wpis-zaproszenia-do-ewidencji-zaproszen", _READ)
LUBUSKIE_INVITATION = OfficialPage("https://bip.lubuskie.uw.gov.pl/sprawy_obywatelskie/Wpis_do_ewidencji_zaproszen",
                                   _READ)
LUBUSKIE_EU_REGISTRATION = OfficialPage(
    "https://bip.lubuskie.uw.gov.pl/sprawy_obywatelskie/Zarejestrowanie_pobytu_obywateliUE", _READ)
LUBUSKIE_EU_FAMILY_CARD = OfficialPage(
    "https://bip.lubuskie.uw.gov.pl/sprawy_obywatelskie/wydanie-karty-pobytu-dla-czlonka-rodziny-obywatela-unii-"
    "europejskiej", _READ)
MAZOWIECKIE_EU_REGISTRATION = OfficialPage(
    "https://bip.mazowieckie.pl/sprawa-do-zalatwienia/405/zarejestrowanie-pobytu-obywateli-unii-europejskiej-i-"
    "czlonkow-ich-rodzin", _READ, published=date(2021, 10, 18))
DUW_DOCUMENTS = OfficialPage("https://przybysz.duw.pl/cudzoziemcy-pobyt/polskie-dokumenty-wydawane-cudzoziemcom/",
                             _READ)
LODZKIE_TRAVEL_DOCUMENT = OfficialPage(
    "https://paszporty.lodzkie.eu/page/2546,polski-dokument-podrozy-dla-cudzoziemca.html", _READ)
LUBUSKIE_TRAVEL_DOCUMENT = OfficialPage("https://bip.lubuskie.uw.gov.pl/sprawy_obywatelskie/polski-dokument-podrozy",
                                        _READ)
INFOR_EMPLOYER_FEES = OfficialPage("https://www.infor.pl/akt-prawny/DZU.2025.329.0001622", _READ)
INFOR_DECLARATION_COUNTRIES = OfficialPage("https://www.infor.pl/akt-prawny/DZU.2025.329.0001617", _READ)
UDSC = OfficialPage("https://www.gov.pl/web/udsc", _READ)
SWORN_TRANSLATORS = OfficialPage("https://www.biznes.gov.pl/pl/opisy-procedur/-/proc/1175", _READ)

FEES: list[Fact] = [
    Fact("fee-single-permit", "fee", "Stamp duty for a temporary residence and work permit (single permit, art. 114 "
         "of the Act on Foreigners): 440 zł.", _C, act="stamp-duty", pages=(POZNAN_FEES,),
         fee_kind="stamp_duty", amount=Decimal("440")),
    Fact("fee-blue-card", "fee", "Stamp duty for the EU Blue Card (art. 127) and for intra-corporate transfer or "
         "long-term mobility: 440 zł.", _C, act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty",
         amount=Decimal("440")),
    Fact("fee-temporary-other", "fee", "Stamp duty for a temporary residence permit in the other cases, including "
         "studies, family reunification, business activity and the CUKR card: 340 zł. The CUKR amount is known "
         "only from secondary sources.", _C, act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty",
         amount=Decimal("340"), note="CUKR: no official page on its fee was found."),
    Fact("fee-seasonal", "fee", "Stamp duty for a temporary residence permit for seasonal work: 170 zł.", _C,
         act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty", amount=Decimal("170")),
    Fact("fee-short-term", "fee", "Stamp duty for a short temporary residence permit under art. 181 ust. 1 pkt 1 "
         "and 3: 85 zł (pkt 2: 340 zł).", _C, act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty",
         amount=Decimal("85")),
    Fact("fee-permanent", "fee", "Stamp duty for a permanent residence permit: 640 zł; people granted asylum and "
         "holders of the Pole's Card do not pay it.", _C, act="stamp-duty", pages=(POZNAN_FEES,),
         fee_kind="stamp_duty", amount=Decimal("640")),
    Fact("fee-eu-long-term", "fee", "Stamp duty for an EU long-term resident permit: 640 zł.", _C, act="stamp-duty",
         pages=(POZNAN_FEES,), fee_kind="stamp_duty", amount=Decimal("640")),
    Fact("fee-permit-change", "fee", "Stamp duty for changing a temporary residence and work permit: 220 zł "
         "(changing an EU Blue Card decision: 10 zł).", _C, act="stamp-duty", pages=(POZNAN_FEES,),
         fee_kind="stamp_duty", amount=Decimal("220")),
    Fact("fee-blue-card-change", "fee", "Stamp duty for changing an EU Blue Card decision: 10 zł.", _C,
         act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty", amount=Decimal("10")),
    Fact("fee-certificate", "fee", "Stamp duty for a certificate (zaświadczenie) the office issues: 17 zł.", _C,
         act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="stamp_duty", amount=Decimal("17")),
    Fact("fee-power-of-attorney", "fee", "Stamp duty for filing a power of attorney: 17 zł; none when the "
         "representative is the spouse, a parent or grandparent, a child or grandchild, or a sibling.", _C,
         act="stamp-duty", pages=(POZNAN_FEES,), fee_kind="power_of_attorney", amount=Decimal("17"),
         reduced=Decimal("0")),
    Fact("fee-card", "fee", "Fee for issuing a residence card, first or later, including ex officio after a "
         "permit: 100 zł (50 zł before 29 July 2022).", _C, act="card-fees-regulation",
         pages=(MOS_CARD_FEES, UDSC_FEES), fee_kind="card_fee", amount=Decimal("100")),
    Fact("fee-card-reduced", "fee", "Reduced card fee of 50 zł (50% relief) for people in a difficult financial "
         "situation, pupils and students whose purpose of stay is study, and children under 16.", _C,
         act="foreigners", article="art. 237 ust. 1", pages=(POZNAN_CARD, MOS_CARD_FEES), fee_kind="card_fee",
         amount=Decimal("100"), reduced=Decimal("50")),
    Fact("fee-card-replacement", "fee", "Fee for replacing a residence card: 100 zł; no fee for a replacement under "
         "art. 241 pkt 5 or 6, a technical defect, or the first card after international protection or "
         "humanitarian stay.", _C, act="card-fees-regulation", pages=(MOS_CARD_FEES,), fee_kind="card_fee",
         amount=Decimal("100"), note="The grounds for a replacement are in art. 241 of the Act on Foreigners."),
    Fact("fee-card-own-fault", "fee", "Fee for replacing a residence card lost or destroyed through the foreigner's "
         "own fault: 200 zł.", _C, act="card-fees-regulation", pages=(MOS_CARD_FEES,), fee_kind="card_fee",
         amount=Decimal("200")),
    Fact("fee-card-own-fault-again", "fee", "Fee for each further replacement after a loss the foreigner caused: "
         "300 zł.", _S, act="card-fees-regulation", fee_kind="card_fee", amount=Decimal("300"),
         note="Only a secondary summary of the regulation gives this amount."),
    Fact("fee-employer-permit-short", "fee", "Employer's fee for a work permit of up to 3 months: 200 zł (50 zł "
         "before 1 December 2025).", _C, act="employer-fees-regulation", pages=(INFOR_EMPLOYER_FEES,),
         fee_kind="other", amount=Decimal("200")),
    Fact("fee-employer-permit-long", "fee", "Employer's fee for a work permit of over 3 months: 400 zł (100 zł before "
         "1 December 2025).", _C, act="employer-fees-regulation", pages=(INFOR_EMPLOYER_FEES,),
         fee_kind="other", amount=Decimal("400")),
    Fact("fee-employer-posting", "fee", "Employer's fee for a work permit for a posted worker: 800 zł.", _C,
         act="employer-fees-regulation", pages=(INFOR_EMPLOYER_FEES,), fee_kind="other", amount=Decimal("800")),
    Fact("fee-employer-seasonal", "fee", "Employer's fee for a seasonal work permit: 100 zł.", _C,
         act="employer-fees-regulation", pages=(INFOR_EMPLOYER_FEES,), fee_kind="other", amount=Decimal("100")),
    Fact("fee-employer-declaration", "fee", "Employer's fee for a declaration of entrusting work (oświadczenie): "
         "400 zł since 1 December 2025; the reduced fees for extensions were abolished.", _C,
         act="employer-fees-regulation", pages=(INFOR_EMPLOYER_FEES,), fee_kind="other", amount=Decimal("400")),
    Fact("fee-invitation", "fee", "Stamp duty for entering an invitation for a foreigner in the voivode's register: "
         "27 zł. The application is filed on paper at the voivode, the offices' pages say who may invite, and the "
         "invitation does not allow work.", _C, act="stamp-duty",
         pages=(POZNAN_INVITATION, MAZOWIECKIE_INVITATION, LUBUSKIE_INVITATION),
         fee_kind="stamp_duty", amount=Decimal("27"), note="Stated by three voivodeship offices' pages."),
    Fact("fee-national-visa-extension", "fee", "Stamp duty for extending a national visa: 406 zł.", _S,
         act="stamp-duty", pages=(MAZOWIECKIE_VISA_FEES,), fee_kind="stamp_duty", amount=Decimal("406"),
         note="Only an archived page of another voivode's office (2014) gives the amount."),
    Fact("fee-schengen-visa-extension", "fee", "Fee for extending a Schengen visa: 30 euro for serious personal "
         "reasons, shown as about 130 zł; none for force majeure or humanitarian reasons (art. 33 of the Visa "
         "Code).", _S, act="eu-visa-code", article="art. 33", pages=(MAZOWIECKIE_VISA_FEES,), fee_kind="other",
         amount=Decimal("130"), reduced=Decimal("0"),
         note="The regulation is confirmed; the amount in złoty follows the exchange rate and is only approximate."),
    Fact("fee-travel-document", "fee", "Fee for a Polish travel document for a foreigner: 350 zł, 175 zł with the 50% "
         "relief.", _S, pages=(LUBUSKIE_TRAVEL_DOCUMENT,), fee_kind="other", amount=Decimal("350"),
         reduced=Decimal("175"), note="Another office's page and an older Gdańsk page (2014) only; the current "
         "amount and who gets the relief are to be confirmed in the fees regulation."),
    Fact("fee-qualified-signature", "fee", "A qualified electronic signature costs a few hundred złoty.", _S,
         note="From providers' price lists; not a fee the office charges."),
    Fact("fee-appeal-none", "fee", "An appeal, a zażalenie and a complaint about delay carry no stamp duty: the "
         "Stamp Duty Act lists no such item.", _U, act="stamp-duty",
         note="Inferred from the absence of an item; no source says it in so many words."),
    Fact("fee-no-refund", "fee", "For applications filed from 5 March 2026 the stamp duty is not refunded after a "
         "refusal or a discontinuance.", _C, pages=(POZNAN_NO_REFUND,), on=date(2026, 3, 5)),
]

TIME_LIMITS: list[Fact] = [
    Fact("limit-temporary-residence", "time limit", "The voivode decides on a temporary residence permit within 60 "
         "days, counted from the last of: appearance in person, a complete application, the documents supplied "
         "(art. 112a ust. 2).", _C, act="foreigners", article="art. 112a", days=60,
         note="Whether the MOS act reworded the start of the 60 days was not verified."),
    Fact("limit-permanent-residence", "time limit", "The voivode decides on a permanent residence permit within 6 "
         "months (the catalogue stores 180 days).", _S, act="foreigners", article="art. 210", days=180,
         note="Six months are counted in months, not as 180 days."),
    Fact("limit-eu-long-term", "time limit", "The voivode decides on an EU long-term resident permit within 6 "
         "months; after the MOS act the article may be the new art. 222d.", _U, act="foreigners",
         article="art. 222d", days=180),
    Fact("limit-excluded-periods", "time limit", "Statutory periods for specific steps, suspensions and delays "
         "caused by the party or beyond the authority's control do not count towards the time limit.", _C,
         act="kpa", article="art. 35 § 5"),
    Fact("limit-suspension", "time limit", "From 15 April 2022 to 4 March 2026 the voivodes' time limits for "
         "residence decisions did not run, for foreigners of every nationality.", _C, act="ukraine-suspension-2025",
         article="art. 10", on=date(2026, 3, 4), code_refs=("django.conf:settings.CASE_TIME_LIMITS_SUSPENDED_UNTIL",),
         note="Whether the phasing-out act continued the suspension after 4 March 2026 is not settled."),
    Fact("limit-appeal", "time limit", "An appeal against the voivode's decision is filed within 14 days of its "
         "delivery, to the Head of the Office for Foreigners through the voivode.", _C, act="kpa",
         article="art. 129 § 2", pages=(POZNAN_APPEAL,), days=14, statuses=("decision-refused",),
         code_refs=("cases.appeal:APPEAL_DAYS",)),
    Fact("limit-appeal-self-review", "time limit", "If the appeal is justified the voivode may itself issue a new "
         "decision within 7 days; otherwise the files go to the Head of the Office for Foreigners.", _C,
         act="kpa", article="art. 132", pages=(POZNAN_APPEAL,), days=7),
    Fact("limit-leave-after-refusal", "time limit", "A foreigner with no other basis of stay (not a citizen of "
         "Ukraine) must leave within 30 days of the decision becoming final.", _C, pages=(POZNAN_APPEAL,), days=30),
    Fact("limit-zazalenie", "time limit", "A zażalenie against a procedural order (postanowienie) is filed within 7 "
         "days.", _C, act="kpa", article="art. 141 § 2", days=7),
    Fact("limit-restore", "time limit", "A request to restore a missed deadline is filed within 7 days of the "
         "cause ending.", _S, act="kpa", article="art. 58 § 2", days=7),
    Fact("limit-formal-deficiencies", "time limit", "A request to remedy formal deficiencies gives at least 7 "
         "days; the deadline in the letter counts. Otherwise the application is left without consideration.", _C,
         act="kpa", article="art. 64 § 2", days=7),
    Fact("limit-stamp-duty-call", "time limit", "A call to pay the stamp duty gives 7 to 14 days; unpaid, the "
         "application is returned.", _C, act="kpa", article="art. 261", days=14),
    Fact("limit-evidence", "time limit", "Supporting documents requested under art. 106 ust. 2a: at least 14 days; "
         "after that the case is decided on the evidence available.", _S, act="foreigners",
         article="art. 106 ust. 2a", days=14),
    Fact("limit-ponaglenie-forward", "time limit", "The voivode forwards a complaint about delay with the files and "
         "its position within 7 days.", _C, act="kpa", article="art. 37 § 4", pages=(POZNAN_REMINDER,), days=7),
    Fact("limit-ponaglenie-decide", "time limit", "The Head of the Office for Foreigners decides on a complaint about "
         "delay within 7 days; one filed before the time limit passed is left unexamined (§ 3a).", _C, act="kpa",
         article="art. 37 § 5", days=7),
    Fact("limit-job-loss", "time limit", "A holder of a temporary residence and work permit reports the loss of the "
         "job to the voivode within 15 working days.", _U, act="foreigners", article="art. 120", days=15),
    Fact("limit-visa-extension", "time limit", "A visa is extended only once; a national visa for up to 365 days "
         "in all. The application is filed by the last day of legal stay.", _S, days=365, pages=(DUW_VISA,),
         note="Another voivode's office and infoopt.pl only."),
    Fact("limit-no-work-period", "time limit", "A short period without work (usually up to 30 days) does not lead to "
         "the withdrawal of a temporary residence and work permit.", _U, act="foreigners", days=30,
         note="The guide hedges it; the provision and the length are to be checked in ISAP."),
    Fact("limit-eu-citizens", "time limit", "An EU citizen registers a stay longer than 3 months; a family member "
         "applies in person for the residence card by the day after 3 months of stay; the card is issued within 6 "
         "months; no stamp duty.", _C, act="eu-citizens", pages=(LUBUSKIE_EU_REGISTRATION, LUBUSKIE_EU_FAMILY_CARD,
         MAZOWIECKIE_EU_REGISTRATION), note="Offices' pages; whether a card fee applies is to be confirmed."),
    Fact("limit-card-return", "time limit", "After a permit is withdrawn the residence card is returned to the "
         "voivode, usually within 14 days.", _U, act="foreigners", days=14),
    Fact("limit-certificate", "time limit", "The office issues a certificate (zaświadczenie) without delay, within 7 "
         "days at the latest.", _C, act="kpa", article="art. 217 § 3", days=7),
    Fact("limit-certificate-refusal", "time limit", "A refusal to issue a certificate is an order (postanowienie); a "
         "zażalenie against it is filed within 7 days.", _C, act="kpa", article="art. 219", days=7),
    Fact("limit-international-protection", "time limit", "International protection is applied for through the "
         "Border Guard; the Head of the Office for Foreigners decides within 6 months; an appeal goes to the Refugee "
         "Board within 14 days; the procedure is free.", _S, act="protection", pages=(UDSC,),
         note="The consolidated text and the restrictions at the border are to be confirmed."),
    Fact("limit-work-start", "time limit", "The employer reports the start of work within 7 days and a failure to "
         "start within 14 days.", _C, act="employment", pages=(PUP_2025,), days=7),
    Fact("limit-pesel-ukr", "time limit", "A person arriving from Ukraine applies for PESEL UKR within 30 days of "
         "crossing the border, or the protection lapses (the January 2026 draft said 14 days).", _S,
         act="ukraine-phase-out", days=30),
    Fact("limit-cukr-processing", "time limit", "A CUKR application is decided within up to 180 days.", _S,
         act="ukraine-special", days=180),
]

DATES: list[Fact] = [
    Fact("date-mos-only", "date", "From 27 April 2026 temporary, permanent and EU long-term residence applications "
         "are filed only online, in MOS; paper applications had to reach the office by 26 April 2026.", _S,
         act="foreigners-mos", article="art. 225a", on=date(2026, 4, 27),
         note="The minister's announcement of the date was not found; the Office for Foreigners' note of 29 April "
         "2026 confirms it indirectly."),
    Fact("date-cukr-open", "date", "CUKR card applications are filed in MOS from 4 May 2026.", _S,
         act="ukraine-special", article="art. 42c", on=date(2026, 5, 4)),
    Fact("date-cukr-until", "date", "CUKR applications can be filed until 4 March 2027.", _S, act="ukraine-special",
         article="art. 42c", on=date(2027, 3, 4)),
    Fact("date-cukr-status-day", "date", "CUKR: UKR status on 4 June 2025 (formerly 4 March 2024), on the day of "
         "application and for at least 365 days without a break.", _S, act="ukraine-special", article="art. 42c",
         on=date(2025, 6, 4)),
    Fact("date-temporary-protection-end", "date", "EU temporary protection for people from Ukraine runs until 4 "
         "March 2027.", _C, act="eu-temporary-protection", pages=(UDSC_PROTECTION,), on=date(2027, 3, 4),
         code_refs=("portal.finder:TEMPORARY_PROTECTION_ENDS",)),
    Fact("date-phase-out", "date", "The act phasing out the special act for citizens of Ukraine is in force since "
         "5 March 2026 (signed 19 February 2026).", _S, act="ukraine-phase-out", on=date(2026, 3, 5)),
    Fact("date-pesel-confirm", "date", "People whose PESEL UKR was given without a valid identity document confirm "
         "their data at the municipal office by 31 August 2026.", _S, act="ukraine-phase-out", on=date(2026, 8, 31)),
    Fact("date-card-fee", "date", "The residence card fee is 100 zł since 29 July 2022.", _C,
         act="card-fees-regulation", on=date(2022, 7, 29)),
    Fact("date-employment-act", "date", "The Act on the Conditions for Entrusting Work to Foreigners applies since 1 "
         "June 2025: no labour-market test, declarations and seasonal permits only online.", _C, act="employment",
         pages=(PUP_2025,), on=date(2025, 6, 1)),
    Fact("date-employer-fees", "date", "Higher employer fees and the shorter list of declaration countries (Georgia "
         "removed) apply since 1 December 2025.", _C, act="employer-fees-regulation", on=date(2025, 12, 1)),
    Fact("date-graduates-no-permit", "date", "Since 1 June 2025 graduates of all Polish higher-education programmes "
         "need no work permit.", _C, act="employment", pages=(PUP_2025,), on=date(2025, 6, 1)),
    Fact("date-employment-online", "date", "Work permit applications go online through praca.gov.pl, with a two-year "
         "transition.", _S, act="employment", pages=(PUP_2025,), on=date(2025, 6, 1),
         note="The two years come from pit.pl only."),
    Fact("date-declaration-countries", "date", "Since 1 December 2025 the declaration procedure covers only "
         "citizens of Armenia, Belarus, Moldova and Ukraine.", _C, act="declaration-countries-regulation",
         pages=(INFOR_DECLARATION_COUNTRIES,), on=date(2025, 12, 1)),
    Fact("date-blue-card-reform", "date", "New EU Blue Card rules since 1 June 2025.", _S, act="blue-card-2025",
         on=date(2025, 6, 1)),
]

ARTICLES: list[Fact] = [
    Fact("art-114", "article", "Temporary residence and work: art. 114.", _C, act="foreigners", article="art. 114",
         pages=(POZNAN_FEES,)),
    Fact("art-127", "article", "EU Blue Card: art. 127 (rewritten from 1 June 2025, same number).", _C,
         act="foreigners", article="art. 127"),
    Fact("art-142", "article", "Business activity: art. 142.", _C, act="foreigners", article="art. 142"),
    Fact("art-144", "article", "Studies: art. 144.", _C, act="foreigners", article="art. 144"),
    Fact("art-159", "article", "Family reunification: art. 159.", _C, act="foreigners", article="art. 159"),
    Fact("art-195", "article", "Permanent residence: art. 195.", _C, act="foreigners", article="art. 195"),
    Fact("art-211", "article", "EU long-term resident: art. 211.", _C, act="foreigners", article="art. 211"),
    Fact("art-241", "article", "Residence card replacement: the grounds are in art. 241 (art. 229 is about issuing "
         "documents); the voivode of the place of stay handles it (art. 245).", _C, act="foreigners",
         article="art. 241", pages=(MOS_CARD_FEES,)),
    Fact("art-signature", "article", "A MOS application is signed by the foreigner with a qualified electronic or a "
         "trusted signature; a personal signature only by a legal representative; unsigned means not filed.", _C,
         act="foreigners", article="art. 106d ust. 3, art. 203d ust. 3, art. 219d ust. 3", pages=(POZNAN_SIGNATURE,)),
    Fact("art-108", "article", "A timely application keeps the stay legal until the decision (the certificate in MOS "
         "replaced the passport stamp).", _S, act="foreigners", article="art. 108",
         note="The article providing for the certificate was not found."),
    Fact("art-116", "article", "Since 1 June 2025 a single-permit case is not started for people staying on another "
         "Schengen state's national visa or residence document.", _S, act="foreigners",
         article="art. 116 ust. 1 pkt 7-9"),
    Fact("art-37", "article", "Complaint about delay (ponaglenie): grounds, justification, filed through the voivode "
         "to the Head of the Office for Foreigners.", _C, act="kpa", article="art. 37", pages=(POZNAN_REMINDER,)),
    Fact("art-128", "article", "An appeal needs no detailed justification: it is enough that the party disagrees "
         "with the decision.", _U, act="kpa", article="art. 128"),
    Fact("art-138", "article", "The appeal authority may quash the decision and decide the case itself, or send "
         "it back to the voivode.", _U, act="kpa", article="art. 138 § 1 pkt 2, art. 138 § 2"),
    Fact("art-visa-extension", "article", "Extension of a visa and of visa-free stay: art. 85 and following.", _U,
         act="foreigners", article="art. 85"),
    Fact("art-visa-free-extension", "article", "Visa-free stay can be extended only for citizens of the few countries "
         "with a bilateral agreement.", _S, note="Szczecin's page for foreigners only; the list of countries is to "
         "be confirmed."),
    Fact("art-158", "article", "Temporary residence as the spouse of a Polish citizen: art. 158, usually for 3 years, "
         "stamp duty 340 zł (other cases).", _U, act="foreigners", article="art. 158", pages=(POZNAN_FEES,),
         note="The fee is confirmed; the paragraph of art. 158 and the 3 years are not."),
    Fact("art-151", "article", "Temporary residence for research: art. 151, stamp duty 340 zł (other cases).", _U,
         act="foreigners", article="art. 151", pages=(POZNAN_FEES,),
         note="The fee is confirmed; the article is not."),
    Fact("art-187", "article", "Temporary residence to seek work after graduating in Poland: art. 187 pkt 1, usually "
         "for 9 months, granted once.", _U, act="foreigners", article="art. 187 pkt 1",
         note="Article named in issue 12; the 9 months are to be confirmed."),
    Fact("art-work-permit-types", "article", "Work permits of types A to E and what each covers; type A for up to 3 "
         "years; the account for the employer's payment.", _U, act="employment"),
    Fact("art-50", "article", "Invitation for a foreigner: art. 50 and following; valid for one year.", _U,
         act="foreigners", article="art. 50", note="The articles and the one year are to be confirmed; the "
         "procedure and its fee: fee-invitation."),
    Fact("art-252", "article", "Polish travel document for a foreigner (art. 252): for holders of permanent or EU "
         "long-term residence, subsidiary protection or humanitarian stay who have no passport; valid 1 year.", _C,
         act="foreigners", article="art. 252", pages=(LODZKIE_TRAVEL_DOCUMENT, DUW_DOCUMENTS)),
    Fact("art-identity-document", "article", "Polish identity document for a foreigner: who gets it; it does not "
         "allow crossing the border.", _S, pages=(DUW_DOCUMENTS,),
         note="Also infoopt.pl; the articles (art. 260 and following) are to be confirmed."),
    Fact("art-101-199", "article", "Withdrawal of a temporary (art. 101) or permanent (art. 199) residence permit; "
         "30 days to leave (see limit-leave-after-refusal).", _U, act="foreigners", article="art. 101, art. 199",
         pages=(POZNAN_APPEAL,), note="The 30 days are confirmed; the articles are not."),
    Fact("art-348-351", "article", "Humanitarian stay (art. 348) and tolerated stay (art. 351) are granted by the "
         "Border Guard or the Head of the Office for Foreigners, not the voivode; the first card after humanitarian "
         "stay is free.", _U, act="foreigners", article="art. 348, art. 351", pages=(MOS_CARD_FEES,),
         note="The free card is confirmed; the articles and who issues the tolerated-stay document are not."),
    Fact("art-before-you-apply", "article", "PESEL is obtained at the municipal office; a trusted profile needs a "
         "PESEL; sworn translators are on the Minister of Justice's list.", _C,
         pages=(POZNAN_SIGNATURE, SWORN_TRANSLATORS)),
]

FACTS: list[Fact] = FEES + TIME_LIMITS + DATES + ARTICLES

_BY_KEY = {entry.key: entry for entry in FACTS}


def fact(key: str) -> Fact:
    return _BY_KEY[key]
