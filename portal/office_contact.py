"""The Foreigners' Affairs Department's contact channels shown on the contact page.

Values come from the places' demo data and its sources (see `portal/demo/places_data.py` and `docs/office-pages.md`);
`confirmed=False` marks a detail no official source confirmed: the page says "to be confirmed, call before you come".
They are deployment facts, changed by a developer with a reviewed commit, like the places' verified values.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Detail:
    value: str
    confirmed: bool


@dataclass(frozen=True)
class Contact:
    helpline: Detail
    helpline_tel: str
    helpline_hours: Detail
    email: Detail
    postal_lines: tuple[str, ...]
    postal_confirmed: bool
    electronic_address: Detail  # the office's address for e-Doręczenia ("AE:PL-…"); empty until confirmed


CONTACT = Contact(
    helpline=Detail("61 850 87 77", confirmed=True),
    helpline_tel="+48618508777",
    # The department's service hours are confirmed; that the helpline answers during the same hours is not.
    helpline_hours=Detail("8:15–15:15", confirmed=False),
    email=Detail("cudzoziemcy@poznan.uw.gov.pl", confirmed=True),
    postal_lines=(
        "Wielkopolski Urząd Wojewódzki w Poznaniu",
        "Wydział Spraw Cudzoziemców",
        "pl. Wolności 17",
        "61-739 Poznań",
    ),
    # The source page is about six years old; the address is still published there but must be re-checked.
    postal_confirmed=False,
    electronic_address=Detail("", confirmed=False),
)
