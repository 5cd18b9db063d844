"""One term per concept: the glossary's variants to avoid never appear in the interface or the demo content, and the
Polish (and Ukrainian and Russian) text addresses the reader without assuming they are a man.

The texts scanned: every msgstr of the .po files and their English msgid, every guide JSON file (globbed, so a guide
added later is covered), the FAQ, notices, glossary, places, partners and categories demo data, the demo guide
changes and the case catalogue. A failure names the file and quotes the text.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from cases import demo_catalogue
from portal.demo import (
    categories_data,
    faq_data,
    glossary_data,
    loader,
    notices_data,
    partners_data,
    places_data,
)

ROOT = Path(__file__).resolve().parents[2]
GUIDES_DIR = ROOT / "portal" / "demo" / "guides"
LANGUAGES = ("pl", "en", "uk", "ru")
DEMO_MODULES = (categories_data, faq_data, glossary_data, loader, notices_data, partners_data, places_data)


def _strings(value, skip_keys=("avoid",)) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip_keys:
                yield from _strings(item, skip_keys)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _strings(item, skip_keys)


def _module_texts(module) -> Iterator[str]:
    for name, value in vars(module).items():
        if name.isupper() and not name.startswith("_") and name != "CALQUES":
            yield from _strings(value)


def _po_entries(language: str) -> Iterator[polib.POEntry]:
    for entry in polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")):
        if not entry.obsolete:
            yield entry


def texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of user-facing text the glossary governs."""
    for language in ("pl", "uk", "ru"):
        where = f"locale/{language}/LC_MESSAGES/django.po"
        for entry in _po_entries(language):
            yield where, entry.msgid
            yield where, entry.msgid_plural
            yield where, entry.msgstr
            yield from ((where, text) for text in entry.msgstr_plural.values())
    for path in sorted(GUIDES_DIR.glob("*.json")):
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            yield f"portal/demo/guides/{path.name}", text
    for module in (*DEMO_MODULES, demo_catalogue):
        where = module.__name__.replace(".", "/") + ".py"
        yield from ((where, text) for text in _module_texts(module))


def _pattern(variant: str) -> re.Pattern:
    """A variant ending in * also matches longer word forms ("poradnik*" finds "poradniku")."""
    if variant.endswith("*"):
        return re.compile(rf"(?<!\w){re.escape(variant[:-1])}\w*", re.IGNORECASE)
    return re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE)


def avoided_variants() -> list[tuple[str, str, str]]:
    """(variant, language, what to use instead) from the glossary data, the single source."""
    variants = []
    for entry in glossary_data.GLOSSARY:
        for language, words in entry["avoid"].items():
            variants += [(word, language, entry["term"][language]) for word in words]
    variants += [(item["avoid"], item["language"], item["use"]) for item in glossary_data.CALQUES]
    return variants


def test_no_text_uses_a_variant_the_glossary_says_to_avoid():
    patterns = [(_pattern(variant), variant, language, use) for variant, language, use in avoided_variants()]
    found = set()
    for where, text in texts():
        for pattern, variant, language, use in patterns:
            if match := pattern.search(text):
                snippet = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
                found.add(f'{where}: "{variant}" ({language}; use "{use}") in "…{snippet}…"')
    assert not found, "Avoided terms found:\n" + "\n".join(sorted(found))


def test_the_scan_finds_an_avoided_variant_in_a_new_guide_file(tmp_path, monkeypatch):
    (tmp_path / "new-guide.json").write_text(
        json.dumps({"summary": {"pl": "Przeczytaj ten poradnik.", "en": "", "uk": "", "ru": ""}}), encoding="utf-8"
    )
    monkeypatch.setattr(f"{__name__}.GUIDES_DIR", tmp_path)
    hits = [where for where, text in texts() if where.endswith("new-guide.json") and _pattern("poradnik*").search(text)]
    assert hits == ["portal/demo/guides/new-guide.json"]


def test_every_glossary_entry_has_the_four_languages_and_is_listed_in_the_docs():
    docs = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for entry in glossary_data.GLOSSARY:
        assert set(entry["term"]) == set(LANGUAGES) and all(entry["term"].values()), entry["slug"]
        assert set(entry["explanation"]) == set(LANGUAGES) and all(entry["explanation"].values()), entry["slug"]
        assert set(entry["avoid"]) <= set(LANGUAGES), entry["slug"]
        row = " | ".join(entry["term"][language] for language in LANGUAGES)
        assert f"| {row} |" in docs, f"docs/glossary.md lacks the row for {entry['slug']}"
        for words in entry["avoid"].values():
            for word in words:
                assert word in docs, f"docs/glossary.md does not list the variant to avoid {word!r}"
    for item in glossary_data.CALQUES:
        assert item["avoid"] in docs and item["use"] in docs


@pytest.mark.parametrize(
    ("variant", "text", "matches"),
    [
        ("poradnik*", "Zobacz poradniku.", True),
        ("poradnik*", "Zobacz przewodnik.", False),
        ("важить", "Сьогодні важить статус", True),
        ("важить", "зважить", False),
    ],
)
def test_variants_match_whole_words_or_word_forms(variant, text, matches):
    assert bool(_pattern(variant).search(text)) is matches


# Second-person masculine past forms ("złożyłeś", "byłbyś"), "jesteś pewien", and first-person masculine past
# forms ("zgubiłem", "dostałem") that a FAQ question would put in the reader's mouth.
MASCULINE_SECOND_PERSON = re.compile(r"\b\w+(?:łeś|łbyś)\b|\bjesteś\s+pewien\b|\bbyłeś\b", re.IGNORECASE)
MASCULINE_FIRST_PERSON = re.compile(r"\b\w+łem\b", re.IGNORECASE)


def polish_texts() -> Iterator[tuple[str, str]]:
    for entry in _po_entries("pl"):
        yield "locale/pl/LC_MESSAGES/django.po", entry.msgstr
        yield from (("locale/pl/LC_MESSAGES/django.po", text) for text in entry.msgstr_plural.values())
    for path in sorted(GUIDES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in _polish_values(data):
            yield f"portal/demo/guides/{path.name}", text
    for module in (*DEMO_MODULES, demo_catalogue):
        where = module.__name__.replace(".", "/") + ".py"
        for name, value in vars(module).items():
            if name.isupper() and not name.startswith("_"):
                yield from ((where, text) for text in _polish_values(value))


def _polish_values(value) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("pl"), str):
            yield value["pl"]
        for key, item in value.items():
            if key != "pl":
                yield from _polish_values(item)
    elif isinstance(value, list | tuple):
        if len(value) == 4 and all(isinstance(item, str) for item in value):
            yield value[0]  # the FAQ data writes translations as (pl, en, uk, ru)
        else:
            for item in value:
                yield from _polish_values(item)


def faq_questions() -> Iterator[dict[str, str]]:
    for entry in faq_data.FAQ:
        yield entry["question"]
    for path in sorted(GUIDES_DIR.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")).get("faq", []):
            yield item["question"]


def test_polish_text_never_addresses_the_reader_in_masculine_forms():
    found = {
        f'{where}: "{match.group(0)}" in "{text[:100]}"'
        for where, text in polish_texts()
        for match in MASCULINE_SECOND_PERSON.finditer(text)
    }
    assert not found, "Use neutral forms (data złożenia wniosku, jeśli masz wątpliwości):\n" + "\n".join(sorted(found))


# The site writes the pronouns addressing the reader with a capital letter (Ty, Twój, Cię), as official letters do.
LOWERCASE_PRONOUN = re.compile(r"\b(?:twó|twoj|twoi|ciebie\b|cię\b|tobie\b|tobą\b)\w*")


def test_polish_text_writes_the_readers_pronoun_with_a_capital_letter():
    found = {
        f'{where}: "{match.group(0)}" in "{text[:100]}"'
        for where, text in polish_texts()
        for match in LOWERCASE_PRONOUN.finditer(text)
    }
    assert not found, "Write Ty, Twój, Cię, Ciebie with a capital letter:\n" + "\n".join(sorted(found))


# Ukrainian and Russian first-person masculine past forms at the start of a question ("Я загубив", "Я потерял").
FIRST_PERSON_QUESTION = {
    "pl": MASCULINE_FIRST_PERSON,
    "uk": re.compile(r"\bЯ\s+(?:\w+\s+)?\w+в\b"),
    "ru": re.compile(r"\bЯ\s+(?:\w+\s+)?\w+л\b"),
}


def test_faq_questions_are_neutral_not_in_a_mans_voice():
    found = [
        f'{language}: "{question[language]}"'
        for question in faq_questions()
        for language, pattern in FIRST_PERSON_QUESTION.items()
        if pattern.search(question[language])
    ]
    assert not found, "Ask neutral questions (Zgubiona karta pobytu: co teraz?):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Jeśli złożyłeś wniosek w terminie", True),
        ("Jeśli nie jesteś pewien swojego statusu", True),
        ("Data złożenia wniosku", False),
        ("Jeśli masz wątpliwości", False),
    ],
)
def test_the_masculine_check_tells_masculine_from_neutral_forms(text, flagged):
    assert bool(MASCULINE_SECOND_PERSON.search(text)) is flagged


@pytest.mark.django_db
def test_the_glossary_model_carries_the_variants_to_avoid_and_the_demo_places_say_what_is_unconfirmed():
    from portal.demo.loader import load_guides, load_places
    from portal.models import GlossaryTerm, Place

    load_places()
    load_guides()
    guide = GlossaryTerm.objects.get(slug="przewodnik")
    assert guide.avoid_pl == "poradnik*" and "путівник*" in guide.avoid_uk.splitlines()
    assert GlossaryTerm.objects.get(slug="kod-przybycia").term_uk == "код реєстрації прибуття"
    kalisz = Place.objects.get(slug="kalisz-branch-office")
    assert not (kalisz.address_confirmed or kalisz.hours_confirmed or kalisz.phone_confirmed)
    assert Place.objects.get(slug="poznan-foreigners-department").address_confirmed
    assert not Place.objects.get(slug="poznan-foreigners-department").hours_confirmed
