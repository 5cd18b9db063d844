"""Which permit fits me? The rules of the guide finder, as plain Python that tests can call directly.

The finder turns a few answers about a person's situation into the guides that fit, each with the reason it
fits, and into warnings where a deadline or a missing legal basis matters more than any guide. It gives
general information, never a decision: the voivode decides each case on its documents, so every rule that
depends on conditions we do not ask about says "may qualify" and points to the guide.

Where the rules come from (each fact with its source and confidence in docs/sources.md):
- Temporary protection for people from Ukraine runs until 4 March 2027 (Council Implementing Decision
  (EU) 2025/1460); the CUKR card can be applied for until then, only in MOS.
- Since 27 April 2026 temporary, permanent and EU long-term residence applications are filed only in MOS, and
  an application keeps the stay legal only if it is filed while the stay is still legal.
- Permanent residence (art. 195 ust. 1): we only point to the two grounds a family tie to a Polish citizen can
  open (pkt 2: a minor child under a Polish parent's authority; pkt 4: a spouse married for 3 years who lived
  in Poland for the last 2 years on a temporary permit granted because of the marriage).
- EU long-term residence (art. 211): 5 years of legal, uninterrupted stay plus income, insurance and Polish;
  a stay on temporary protection does not lead to it (Directive 2003/109/EC art. 3(2)(b)).
- Family reunification (art. 159) is for the family of a foreigner; family members of Polish citizens have a
  temporary residence permit of their own (art. 158), and family members of other EU citizens a residence card
  under the 2006 Act on EU citizens' entry and stay.
- A holder of a temporary residence and work permit who changes jobs needs a change of the permit, and one who
  loses the job must tell the voivode within 15 working days (art. 120).
- A visa can be extended only in exceptional cases and only before it ends (the EU Visa Code, art. 33, and the
  Act on Foreigners); we point to it only when a visa or visa-free stay ends within 30 days.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

TEMPORARY_PROTECTION_ENDS = date(2027, 3, 4)
DEADLINE_WARNING_DAYS = 30
EU_LONG_TERM_RESIDENCE_YEARS = 5
MAX_YEARS_IN_POLAND = 99

GUIDE_SLUGS = (
    "temporary-residence-work",
    "temporary-residence-studies",
    "family-reunification",
    "temporary-residence-business",
    "eu-blue-card",
    "permanent-residence",
    "eu-long-term-residence",
    "residence-card-replacement",
    "ukrainian-citizens",
    "appeal-against-decision",
    "temporary-residence-spouse-of-polish-citizen",
    "eu-citizens-and-family-members",
    "permit-change-and-job-loss",
    "visa-extension",
)


class Citizenship(models.TextChoices):
    EU = "eu", _("A country of the European Union, Iceland, Liechtenstein, Norway or Switzerland")
    UKRAINE = "ukraine", _("Ukraine")
    OTHER = "other", _("Another country")


class Purpose(models.TextChoices):
    WORK = "work", _("To work")
    HIGHLY_QUALIFIED_WORK = (
        "highly_qualified_work",
        _("To do highly qualified work (a university degree or equivalent professional experience, and a high salary)"),
    )
    STUDIES = "studies", _("To study at a university")
    FAMILY = "family", _("To live with my family")
    BUSINESS = "business", _("To run my own business")
    OTHER = "other", _("For another reason")


class StayBasis(models.TextChoices):
    VISA = "visa", _("A visa")
    VISA_FREE = "visa_free", _("A visa-free stay")
    TEMPORARY_RESIDENCE = "temporary_residence", _("A temporary residence permit")
    TEMPORARY_PROTECTION = "temporary_protection", _("Temporary protection for people from Ukraine (UKR status)")
    PERMANENT = "permanent", _("A permanent residence permit or an EU long-term resident permit")
    NONE = "none", _("None of these, or I am not sure")


class FamilyTie(models.TextChoices):
    POLISH_CITIZEN = "polish_citizen", _("I am the husband, wife or child of a Polish citizen")
    EU_CITIZEN = (
        "eu_citizen",
        _(
            "I am the husband, wife or child of a citizen of another EU country, Iceland, Liechtenstein, Norway "
            "or Switzerland"
        ),
    )
    FOREIGNER = "foreigner", _("I am the husband, wife or child of a foreigner who lives legally in Poland")
    NONE = "none", _("None of these")


# --- Reasons: why a guide fits, in plain words ------------------------------------------------------------

REASON_TEMPORARY_PROTECTION = _(
    "You have temporary protection (UKR status), which ends on 4 March 2027. This guide explains the CUKR card "
    "(a residence permit for 3 years) and the other ways to stay in Poland after that date."
)
REASON_UKRAINIAN_WITHOUT_PROTECTION = _(
    "As a citizen of Ukraine you may be able to use temporary protection: after crossing the border you have "
    "30 days to apply for a PESEL number with UKR status. Check the guide."
)
REASON_WORK = _(
    "You want to work in Poland: the temporary residence and work permit (the single permit) covers both your "
    "stay and your work."
)
REASON_BLUE_CARD = _(
    "For highly qualified work with a high salary, the EU Blue Card is the permit made for you: it lets you "
    "change jobs more freely and move to other EU countries later."
)
REASON_WORK_AS_ALTERNATIVE = _(
    "If your job does not meet the conditions of the EU Blue Card (qualifications and salary), the temporary "
    "residence and work permit is the usual alternative."
)
REASON_STUDIES = _("You want to study in Poland: this is the permit for students of Polish universities.")
REASON_FAMILY_REUNIFICATION = _(
    "Family reunification is the permit for the husband or wife and the children under 18 of a foreigner who "
    "lives legally in Poland. Check whether your family member's permit qualifies."
)
REASON_FAMILY_JOINS_PERMANENT_RESIDENT = _(
    "Your husband or wife and your children under 18 can join you: with a permanent or EU long-term resident "
    "permit you can be the family member they apply to join."
)
REASON_BUSINESS = _("You want to run a business in Poland: this is the permit for foreigners who run a company here.")
REASON_EU_LONG_TERM = _(
    "You have lived in Poland legally for at least 5 years, so you may qualify. Conditions apply: the 5 years "
    "must be without a long break, and you need a stable income, health insurance and a certificate of Polish; "
    "time as a student counts only by half. Check the guide."
)
REASON_PERMANENT_FAMILY_OF_POLE = _(
    "You may qualify for permanent residence: a child of a Polish citizen under their parental authority can "
    "apply, and so can a husband or wife married to a Polish citizen for at least 3 years who has lived in "
    "Poland without a break for the last 2 years on a temporary residence permit granted because of the "
    "marriage. Check the guide for the conditions."
)
REASON_SPOUSE_OF_POLE = _(
    "You are married to a Polish citizen: this temporary residence permit is made for spouses of Polish "
    "citizens who live with them in Poland."
)
REASON_FAMILY_OF_EU_CITIZEN = _(
    "You are a family member of a citizen of another EU country: you may apply for a residence card of a family "
    "member of an EU citizen instead of a permit."
)
REASON_PERMIT_CHANGE = _(
    "You already have a temporary residence permit: if it is a residence and work permit, a new employer or new "
    "terms of work need a change of the permit first, and losing your job must be reported within 15 working days."
)
REASON_VISA_EXTENSION = _(
    "Your visa or visa-free stay ends soon. If something you could not foresee keeps you from leaving, the "
    "voivode may extend a visa, but only if you apply before it ends."
)
REASON_CARD_ONLY = _(
    "Your permit has no time limit: when your residence card expires or your details change, you apply only "
    "for a new card, not for a new permit."
)

# --- Warnings: shown in a notice box above the guides, most urgent first ----------------------------------

WARNING_EU_CITIZEN = _(
    "Citizens of the EU, Iceland, Liechtenstein, Norway and Switzerland do not need any of these permits. If "
    "you stay in Poland for more than 3 months, register your residence at the voivodeship office. Family "
    "members who are not EU citizens apply for a residence card of a family member of an EU citizen."
)
WARNING_STAY_ENDED = _(
    "The date you gave has already passed: your stay may already be illegal. Get advice now, before you file anything."
)
WARNING_STAY_ENDS_SOON = _(
    "Apply before your current stay ends: the application must be filed in MOS while your stay is still legal."
)
WARNING_NO_LEGAL_BASIS = _(
    "You have no legal basis for your stay, or you are not sure which one you have. Get advice before you do "
    "anything else: staff at our places can help you."
)
WARNING_TEMPORARY_PROTECTION_ENDS = _(
    "Temporary protection ends on 4 March 2027. To stay in Poland after that date, apply for the CUKR card or "
    "another residence permit before it ends."
)
WARNING_FAMILY_OF_POLISH_CITIZEN = _(
    "Family members of Polish citizens have a procedure of their own: a temporary residence permit for a family "
    "member of a Polish citizen (not family reunification). Children and other relatives have conditions of "
    "their own: ask at one of our places which way fits you."
)
WARNING_FAMILY_OF_EU_CITIZEN = _(
    "Family members of citizens of other EU countries, Iceland, Liechtenstein, Norway or Switzerland may have "
    "an easier way: a residence card of a family member of an EU citizen. Ask at one of our places which way "
    "fits you."
)
WARNING_OTHER_PURPOSE = _(
    "Our guides do not cover every reason for a stay. Ask at one of our places which permit fits your reason."
)
WARNING_NOTHING_FITS = _("None of our guides fits your answers. Ask at one of our places: we will help you.")


@dataclass(frozen=True)
class Answers:
    """What a person told the finder. Values may be given as the choices' strings; wrong values raise ValueError."""

    citizenship: Citizenship
    purpose: Purpose
    current_basis: StayBasis = StayBasis.NONE
    stay_ends: date | None = None
    years_in_poland: int = 0
    family_tie: FamilyTie = FamilyTie.NONE

    def __post_init__(self):
        object.__setattr__(self, "citizenship", Citizenship(self.citizenship))
        object.__setattr__(self, "purpose", Purpose(self.purpose))
        object.__setattr__(self, "current_basis", StayBasis(self.current_basis))
        object.__setattr__(self, "family_tie", FamilyTie(self.family_tie))
        if self.stay_ends is not None and not isinstance(self.stay_ends, date):
            raise ValueError("stay_ends must be a date or None")
        if not isinstance(self.years_in_poland, int) or not 0 <= self.years_in_poland <= MAX_YEARS_IN_POLAND:
            raise ValueError(f"years_in_poland must be a whole number from 0 to {MAX_YEARS_IN_POLAND}")


class Suggestion(NamedTuple):
    """A guide that fits, and why, in plain words."""

    slug: str
    reason: Promise


@dataclass(frozen=True)
class Recommendation:
    """Guides in the order to read them, warnings most urgent first, and whether to send the person for advice."""

    items: tuple[Suggestion, ...]
    warnings: tuple[Promise, ...]
    needs_advice: bool = False

    @property
    def slugs(self) -> list[str]:
        return [item.slug for item in self.items]


@dataclass
class _Draft:
    items: list[Suggestion] = field(default_factory=list)
    warnings: list[Promise] = field(default_factory=list)
    needs_advice: bool = False

    def suggest(self, slug: str, reason: Promise) -> None:
        if slug not in {item.slug for item in self.items}:
            self.items.append(Suggestion(slug, reason))

    def warn(self, message: Promise, *, advice: bool = False) -> None:
        self.warnings.append(message)
        self.needs_advice = self.needs_advice or advice


def recommend(answers: Answers, today: date) -> Recommendation:
    """The guides that fit these answers, and the warnings to read first; `today` is the date in Poland."""
    draft = _Draft()
    if answers.citizenship == Citizenship.EU:
        draft.warn(WARNING_EU_CITIZEN)
        return Recommendation(items=(), warnings=tuple(draft.warnings))
    rules = (
        _stay_deadline,
        _no_legal_basis,
        _ukraine,
        _purpose,
        _family_tie,
        _eu_long_term,
        _permanent,
        _permit_change,
        _visa_extension,
    )
    for rule in rules:
        rule(answers, today, draft)
    if not draft.items and not draft.needs_advice:
        draft.warn(WARNING_NOTHING_FITS, advice=True)
    return Recommendation(items=tuple(draft.items), warnings=tuple(draft.warnings), needs_advice=draft.needs_advice)


def stay_end(answers: Answers) -> date | None:
    """The last day of the current legal stay as far as we know it (None: unlimited or unknown).

    Temporary protection ends on 4 March 2027 whatever date the person gives; a permanent permit has no end
    (the date on the card is the card's, not the stay's).
    """
    if answers.current_basis in (StayBasis.PERMANENT, StayBasis.NONE):
        return None
    if answers.current_basis == StayBasis.TEMPORARY_PROTECTION:
        return min(answers.stay_ends or TEMPORARY_PROTECTION_ENDS, TEMPORARY_PROTECTION_ENDS)
    return answers.stay_ends


def _stay_deadline(answers: Answers, today: date, draft: _Draft) -> None:
    """A stay that ends within 30 days (or has ended) matters more than any guide: MOS needs a legal stay."""
    end = stay_end(answers)
    if end is None:
        return
    if end < today:
        draft.warn(WARNING_STAY_ENDED, advice=True)
    elif (end - today).days <= DEADLINE_WARNING_DAYS:
        draft.warn(WARNING_STAY_ENDS_SOON)


def _no_legal_basis(answers: Answers, today: date, draft: _Draft) -> None:
    if answers.current_basis == StayBasis.NONE:
        draft.warn(WARNING_NO_LEGAL_BASIS, advice=True)


def _ukraine(answers: Answers, today: date, draft: _Draft) -> None:
    """UKR status comes first (its end date is fixed); Ukrainians without it may still be able to get it."""
    if answers.current_basis == StayBasis.TEMPORARY_PROTECTION:
        draft.suggest("ukrainian-citizens", REASON_TEMPORARY_PROTECTION)
        draft.warn(WARNING_TEMPORARY_PROTECTION_ENDS)
    elif answers.citizenship == Citizenship.UKRAINE and answers.current_basis in (
        StayBasis.VISA_FREE,
        StayBasis.NONE,
    ):
        draft.suggest("ukrainian-citizens", REASON_UKRAINIAN_WITHOUT_PROTECTION)


def _purpose(answers: Answers, today: date, draft: _Draft) -> None:
    """The permit that matches why the person is in Poland; a permanent permit already covers work and study."""
    purpose = answers.purpose
    if answers.current_basis == StayBasis.PERMANENT:
        if purpose == Purpose.FAMILY:
            draft.suggest("family-reunification", REASON_FAMILY_JOINS_PERMANENT_RESIDENT)
        return
    if purpose == Purpose.WORK:
        draft.suggest("temporary-residence-work", REASON_WORK)
    elif purpose == Purpose.HIGHLY_QUALIFIED_WORK:
        draft.suggest("eu-blue-card", REASON_BLUE_CARD)
        draft.suggest("temporary-residence-work", REASON_WORK_AS_ALTERNATIVE)
    elif purpose == Purpose.STUDIES:
        draft.suggest("temporary-residence-studies", REASON_STUDIES)
    elif purpose == Purpose.FAMILY:
        if answers.family_tie in (FamilyTie.FOREIGNER, FamilyTie.NONE):
            draft.suggest("family-reunification", REASON_FAMILY_REUNIFICATION)
    elif purpose == Purpose.BUSINESS:
        draft.suggest("temporary-residence-business", REASON_BUSINESS)
    else:
        draft.warn(WARNING_OTHER_PURPOSE, advice=True)


def _family_tie(answers: Answers, today: date, draft: _Draft) -> None:
    """Family of Polish and of other EU citizens have procedures of their own.

    The guides cover spouses well; a child or a parent may need another way, so the advice stays.
    """
    if answers.current_basis == StayBasis.PERMANENT:
        return
    if answers.family_tie == FamilyTie.POLISH_CITIZEN:
        draft.suggest("temporary-residence-spouse-of-polish-citizen", REASON_SPOUSE_OF_POLE)
        draft.warn(WARNING_FAMILY_OF_POLISH_CITIZEN, advice=True)
    elif answers.family_tie == FamilyTie.EU_CITIZEN:
        draft.suggest("eu-citizens-and-family-members", REASON_FAMILY_OF_EU_CITIZEN)
        draft.warn(WARNING_FAMILY_OF_EU_CITIZEN, advice=True)


def _eu_long_term(answers: Answers, today: date, draft: _Draft) -> None:
    if answers.years_in_poland < EU_LONG_TERM_RESIDENCE_YEARS:
        return
    if answers.current_basis in (StayBasis.PERMANENT, StayBasis.TEMPORARY_PROTECTION):
        return
    draft.suggest("eu-long-term-residence", REASON_EU_LONG_TERM)


def _permanent(answers: Answers, today: date, draft: _Draft) -> None:
    """Permanent residence only where a family tie to a Polish citizen can open art. 195 ust. 1 pkt 2 or 4."""
    if answers.current_basis == StayBasis.PERMANENT:
        draft.suggest("residence-card-replacement", REASON_CARD_ONLY)
    elif answers.family_tie == FamilyTie.POLISH_CITIZEN:
        draft.suggest("permanent-residence", REASON_PERMANENT_FAMILY_OF_POLE)


def _permit_change(answers: Answers, today: date, draft: _Draft) -> None:
    """Someone who has lived here a year or more on a temporary permit and wants to work most likely holds the
    single permit already and is changing jobs (or has lost one); a newcomer is more likely changing the purpose
    of the stay, for which the permit guide itself comes first."""
    if (
        answers.current_basis == StayBasis.TEMPORARY_RESIDENCE
        and answers.purpose in (Purpose.WORK, Purpose.HIGHLY_QUALIFIED_WORK)
        and answers.years_in_poland >= 1
    ):
        draft.suggest("permit-change-and-job-loss", REASON_PERMIT_CHANGE)


def _visa_extension(answers: Answers, today: date, draft: _Draft) -> None:
    """Only while the visa still runs: an extension cannot be asked for once the stay has ended."""
    end = stay_end(answers)
    if answers.current_basis not in (StayBasis.VISA, StayBasis.VISA_FREE) or end is None:
        return
    if today <= end and (end - today).days <= DEADLINE_WARNING_DAYS:
        draft.suggest("visa-extension", REASON_VISA_EXTENSION)
