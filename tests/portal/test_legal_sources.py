"""The list of acts and legal facts: docs/sources.md is generated from it, and every fee and time limit has a source."""

import importlib
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.demo_catalogue import PROCEDURES, STATUSES
from portal.legal_sources import ACTS, FACTS, Confidence, sources_markdown
from portal.legal_sources.acts import act

ROOT = Path(__file__).resolve().parents[2]
GUIDES = sorted((ROOT / "portal" / "demo" / "guides").glob("*.json"))


def _fees_in_guides() -> list[tuple[str, str, Decimal, Decimal | None]]:
    fees = []
    for path in GUIDES:
        for fee in json.loads(path.read_text(encoding="utf-8")).get("fees", []):
            reduced = fee.get("reduced_amount_pln")
            fees.append((path.stem, fee["kind"], Decimal(fee["amount_pln"]), Decimal(reduced) if reduced else None))
    return fees


def test_the_committed_sources_document_is_generated_from_the_data():
    committed = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    assert committed == sources_markdown(), "docs/sources.md is stale: run `python manage.py sources_doc`."


def test_the_check_option_fails_on_a_stale_document(tmp_path, settings):
    (tmp_path / "docs").mkdir()
    settings.BASE_DIR = tmp_path
    (tmp_path / "docs" / "sources.md").write_text("# old\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("sources_doc", "--check")
    call_command("sources_doc")
    call_command("sources_doc", "--check")


def test_every_fee_on_the_fees_page_has_a_sourced_entry():
    assert GUIDES, "the demo guides moved: point this test at them"
    entries = {(entry.fee_kind, entry.amount) for entry in FACTS if entry.amount is not None}
    reduced = {(entry.fee_kind, entry.reduced) for entry in FACTS if entry.reduced is not None}
    missing = [fee for fee in _fees_in_guides() if (fee[1], fee[2]) not in entries]
    missing += [fee for fee in _fees_in_guides() if fee[3] is not None and (fee[1], fee[3]) not in reduced]
    assert not missing, f"fees with no entry in portal/legal_sources/facts.py: {missing}"


def test_every_statutory_time_limit_in_the_catalogue_has_an_entry_citing_its_article():
    limits = [entry for entry in FACTS if entry.topic == "time limit"]
    for procedure in PROCEDURES:
        if procedure["time_limit_days"] is None:
            continue
        matches = [
            entry
            for entry in limits
            if entry.days == procedure["time_limit_days"]
            and entry.act == "foreigners"
            and entry.article
            and entry.article in procedure["time_limit_basis"]
        ]
        assert matches, f"{procedure['code']}: no entry for {procedure['time_limit_basis']!r}"


def test_every_deadline_a_case_status_gives_the_applicant_has_an_entry():
    for status in STATUSES:
        if status["action_deadline_days"] is None:
            continue
        assert any(
            status["code"] in entry.statuses and entry.days == status["action_deadline_days"] for entry in FACTS
        ), f"status {status['code']}: its {status['action_deadline_days']}-day deadline has no entry"


def test_time_limits_written_in_the_code_equal_their_entries():
    checked = 0
    for entry in FACTS:
        for reference in entry.code_refs:
            module_name, attribute_path = reference.split(":")
            value = importlib.import_module(module_name)
            for name in attribute_path.split("."):
                value = getattr(value, name)
            assert value == (entry.on if entry.on is not None else entry.days), f"{reference} != {entry.key}"
            checked += 1
    assert checked >= 2


def test_entries_cite_known_acts_and_confirmed_ones_name_a_source():
    keys = [entry.key for entry in FACTS]
    assert len(keys) == len(set(keys))
    for entry in FACTS:
        if entry.act:
            act(entry.act)
        if entry.confidence is Confidence.CONFIRMED:
            assert entry.act or entry.pages, f"{entry.key} is marked confirmed without a source"
    for entry in ACTS:
        assert set(entry.title) == set(entry.used_for) == {"pl", "en", "uk", "ru"}
        assert entry.url.startswith("https://")
        assert entry.journal == "" or entry.journal.startswith(("Dz.U. ", "Dz.U. UE "))


def test_every_journal_position_the_content_cites_is_an_act_of_the_list():
    """A guide, FAQ, notice or status text that cites "Dz.U. 2025 poz. 1079" cites an act the law page lists."""
    cited_in = {}
    content = [*GUIDES, *(ROOT / "portal" / "demo").glob("*_data.py"), ROOT / "cases" / "demo_catalogue.py"]
    for path in content:
        for year, position in re.findall(r"Dz\.\s?U\.\s(\d{4})\spoz\.\s(\d+)", path.read_text(encoding="utf-8")):
            cited_in.setdefault(f"Dz.U. {year} poz. {position}", path.name)
    assert cited_in, "no citation found: the pattern or the content moved"
    listed = {entry.journal for entry in ACTS}
    missing = {journal: name for journal, name in cited_in.items() if journal not in listed}
    assert not missing, f"add these acts to portal/legal_sources/acts.py: {missing}"
