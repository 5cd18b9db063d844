"""The language switcher links to this site's pages only, whatever path the reader (or an attacker) requested."""

import re

import pytest

pytestmark = pytest.mark.django_db


def switcher_links(content: str) -> list[str]:
    nav = content.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)"', nav)


@pytest.mark.parametrize("path", ["//evil.example/x", "/pl//evil.example/x", "/\\evil.example/x"])
def test_the_404_page_switcher_never_links_off_site(client, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code in (404, 301, 302)
    if response.status_code == 404:
        content = response.content.decode()
        links = switcher_links(content)
        assert links == ["/pl/", "/en/", "/uk/", "/ru/"]
        assert "evil.example" not in content.split("</head>", 1)[0]


def test_the_switcher_of_a_real_page_keeps_the_page_and_its_query(client):
    content = client.get("/en/search/?q=karta").content.decode()
    assert switcher_links(content) == [f"/{code}/search/?q=karta" for code in ("pl", "en", "uk", "ru")]
