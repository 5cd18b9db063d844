"""The guides list: the groups people need most often first, and links to jump to each group."""

import re

import pytest

from portal.demo.loader import load_guides
from tests.factories import url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_guides(db):
    load_guides()


def _group_ids(page: str) -> list[str]:
    return re.findall(r'<h2 id="category-([a-z-]+)"', page)


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_work_the_residence_card_and_appeals_are_the_first_groups(client, demo_guides, language):
    groups = _group_ids(client.get(url_in(language, "guide_list")).content.decode())
    assert groups[:3] == ["work", "residence-card", "decisions-and-appeals"]
    assert set(groups) >= {"study", "family", "ukraine", "permanent-stay", "eu-long-term"}


def test_the_list_starts_with_a_link_to_every_group_in_the_same_order(client, demo_guides):
    page = client.get(url_in("uk", "guide_list")).content.decode()
    nav = page[page.index('class="jump-links"') : page.index("</nav>", page.index('class="jump-links"'))]
    links = re.findall(r'href="#category-([a-z-]+)"', nav)
    assert links == _group_ids(page)
    assert page.index('class="jump-links"') < page.index('<h2 id="category-')


def test_a_list_with_no_guides_shows_no_empty_jump_menu(client, db):
    page = client.get(url_in("en", "guide_list")).content.decode()
    assert 'class="jump-links"' not in page
    assert "No guides are published yet." in page
