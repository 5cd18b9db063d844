"""Browser checks of the public pages: accessibility (axe-core), valid HTML (Nu HTML Checker), phone layout.

Every test that takes the arguments `public_page` and `language` runs once for each page in PUBLIC_PAGES and
each language of the site, so a failure names both (e.g. `[place-detail-uk]`). A new public page joins every
sweep by adding one line to PUBLIC_PAGES.

The tools come from outside Python: Debian's Chromium, a Java runtime, and axe-core and vnu-jar from npm
(package.json). `./dev test` installs them all; without them these tests are skipped with a one-line reason.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, modify_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEMO_PLACE_SLUG = "poznan-foreigners-department"  # the headquarters, from portal/demo/places_data.py


@dataclass(frozen=True)
class PublicPage:
    """A page anyone can open without signing in; `path` follows the language prefix (/pl/, /uk/, ...)."""

    name: str
    path: str
    status: int = 200

    def url(self, language: str) -> str:
        return f"/{language}/{self.path}"


PUBLIC_PAGES = [
    PublicPage("home", ""),
    PublicPage("places", "places/"),
    PublicPage("place-detail", f"places/{DEMO_PLACE_SLUG}/"),
    PublicPage("staff-login", "accounts/login/"),
    PublicPage("accessibility-statement", "accessibility/"),
    PublicPage("privacy-notice", "privacy/"),
    PublicPage("case-status-lookup", "case-status/"),
    PublicPage("not-found", "no-such-page/", status=404),
    PublicPage("guides", "guides/"),
    PublicPage("guide-detail", "guides/temporary-residence-work/"),
    PublicPage("guide-finder", "guides/finder/"),
    PublicPage("glossary", "glossary/"),
    PublicPage("search-results", "search/?q=karta+pobytu"),
    PublicPage("search-empty", "search/"),
    PublicPage("report-mistake", "report-mistake/?page=/pl/guides/"),
    PublicPage("notices", "notices/"),
    PublicPage("notices-filtered", "notices/?place=poznan-foreigners-department&procedure=ukrainian-citizens"),
    PublicPage("notice-detail", "notices/temporary-protection-ends-4-march-2027/"),
    PublicPage("notice-expired", "notices/pesel-ukr-confirm-data-by-31-august/", status=410),
    PublicPage("notice-subscribe", "notices/subscribe/"),
    PublicPage("faq", "faq/"),
    PublicPage("faq-detail", "faq/how-do-i-file-an-application/"),
    PublicPage("fees", "fees/"),
    PublicPage("law", "law/"),
    PublicPage("partners", "help/"),
    PublicPage("project", "project/"),
    PublicPage("forms", "forms/"),
    PublicPage("contact", "contact/"),
    PublicPage("guide-detail-with-forms", "guides/residence-card-replacement/"),
    PublicPage("partners-filtered", "help/?topic=legal-advice&language=uk&town=Pozna%C5%84"),
    PublicPage("appointments-start", "appointments/"),
    PublicPage("appointments-link-invalid", "appointments/booking/no-such-token/", status=404),
    PublicPage("appointments-lost-link", "appointments/lost-link/"),
    PublicPage("ask", "ask/"),
    PublicPage("ask-link-invalid", "ask/no-such-token/", status=404),
]


def pytest_generate_tests(metafunc):
    if {"public_page", "language"} <= set(metafunc.fixturenames):
        metafunc.parametrize(
            ("public_page", "language"),
            [
                pytest.param(page, language, id=f"{page.name}-{language}")
                for page in PUBLIC_PAGES
                for language in LANGUAGES
            ],
        )


@pytest.fixture(scope="session", autouse=True)
def collected_static_files():
    """Pages link the hashed names from WhiteNoise's manifest, which exists only after collectstatic."""
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file():
        pytest.skip("Static files not collected: run ./dev test, or manage.py collectstatic --noinput")


# --- The live site ---------------------------------------------------------------------------------------
#
# Loading the demo content takes about two seconds, and most sweeps only read it: they share one copy, loaded
# into the test database when the first of them starts and erased when the last test in tests/browser is done
# (`public_site`). Tests that write (a booking, a case, a vote) use `live_site`, which loads the content into a
# fresh database and empties it afterwards like any transactional test; the next reader loads its copy again.
#
# The server is deliberately not pytest-django's `live_server` fixture: every test that uses a fixture of that
# name is made transactional, and emptying the database after each sweep is exactly what made an earlier
# attempt at shared content show pages without their data.


@pytest.fixture(scope="session")
def site_server(request):
    """A live server, with static files served by WhiteNoise from STATIC_ROOT as in production.

    pytest-django wraps the server in Django's StaticFilesHandler, which looks files up in the source folders
    and so answers 404 for the hashed names the manifest storage puts in the pages: every page would be
    checked without its stylesheet. Passing requests straight to the application lets WhiteNoise answer.
    """
    from pytest_django.live_server_helper import LiveServer

    address = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(address, start=False)
    server.thread.static_handler = _through_to_whitenoise
    server.start()
    # Its host name in ALLOWED_HOSTS for the whole session (pytest-django does it per test for `live_server`).
    allowed = modify_settings(ALLOWED_HOSTS={"append": server.thread.host})
    allowed.enable()
    yield server
    allowed.disable()
    server.stop()


def _through_to_whitenoise(application):
    return application


@pytest.fixture(scope="session")
def live_server(site_server):
    """The same server under pytest-django's name, for tests that ask for it directly: pytest-django makes
    each of them transactional (the database is emptied after it, like `live_site`)."""
    return site_server


def load_public_content() -> None:
    """The demo content the public pages show; a feature whose pages need more of it loads that here too."""
    from portal.demo.loader import load_guides, load_information, load_places

    load_places()
    load_guides()
    load_information()


def public_content_is_loaded() -> bool:
    from portal.models import Place

    return Place.objects.filter(slug=DEMO_PLACE_SLUG).exists()


@pytest.fixture(scope="package")
def shared_public_content(django_db_setup, django_db_blocker):
    """Opens the database for the package's read-only sweeps, and empties it when the last test is done.

    The content itself is loaded by `ensure_public_content` when a reader finds it missing: at the start, and
    again after a test that wrote (and so emptied the database on its way out).
    """
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def ensure_public_content(django_db_blocker) -> None:
    with django_db_blocker.unblock():
        if not public_content_is_loaded():
            load_public_content()


@pytest.fixture
def public_site(site_server, shared_public_content, django_db_blocker) -> str:
    """The address of a live server showing the shared demo content; for tests that only read.

    Such a test must not change the database: what it writes stays for the tests after it.
    """
    ensure_public_content(django_db_blocker)
    with django_db_blocker.unblock():
        yield site_server.url


@pytest.fixture
def live_site(site_server, shared_public_content, transactional_db) -> str:
    """The address of a live server whose database holds the demo content, emptied after the test; for
    tests that write (book, vote, look up a case)."""
    if not public_content_is_loaded():
        load_public_content()
    return site_server.url


# --- Chromium -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all the browser tests; each test opens its own context (cookies, viewport...).

    While it is open, Playwright's sync API keeps an asyncio loop running in the test thread, which Django
    takes for "called from async code" and answers every ORM call with SynchronousOnlyOperation. The flag that
    allows them is set for exactly that long: the browser closes when the last test in tests/browser is done,
    so neither later tests nor their subprocesses (`manage.py check --deploy` rejects the flag) inherit it.
    """
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: run ./dev test, which installs it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright not installed: run ./dev test, which installs the dev dependencies")

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Opens a page in a fresh browser context with the given options, closed again after the test."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visit():
    """Loads a URL in a page, checking its status and that every stylesheet, image and script it uses loaded.

    A page whose stylesheet is missing would pass the contrast and layout checks for the wrong reason.
    """

    def load(page, url: str, *, status: int = 200):
        failed = []
        page.on("response", lambda response: failed.append(response) if response.status >= 400 else None)
        response = page.goto(url)
        assert response is not None, f"{url} did not answer"
        assert response.status == status, f"{url} answered {response.status}, expected {status}"
        broken = [f"{r.status} {r.url}" for r in failed if r.url != response.url]
        assert not broken, f"{url} uses files that did not load:\n" + "\n".join(broken)
        return response

    return load


# --- Nu HTML Checker ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedPage:
    url: str
    status: int
    file: Path
    errors: list[dict]


@pytest.fixture(scope="package")
def html_check(shared_public_content, django_db_blocker, tmp_path_factory) -> dict[tuple[str, str], CheckedPage]:
    """Every public page in every language, rendered by the test client and validated in one run of vnu.jar.

    Starting the JVM costs seconds, so the pages are all checked at once; each parametrized test then reads
    its own page's errors. The pages show the shared demo content (see `public_site`).
    """
    if shutil.which("java") is None:
        pytest.skip("Java not installed (needed by the Nu HTML Checker): run ./dev test, which installs it")
    if not VNU_JAR.is_file():
        pytest.skip("vnu-jar not installed (node_modules/): run ./dev test, which runs npm ci")

    folder = tmp_path_factory.mktemp("html")
    pages = {}
    ensure_public_content(django_db_blocker)
    with django_db_blocker.unblock():
        client = Client()
        for page in PUBLIC_PAGES:
            for language in LANGUAGES:
                url = page.url(language)
                response = client.get(url)
                file = folder / f"{page.name}-{language}.html"
                file.write_bytes(response.content)
                pages[page.name, language] = CheckedPage(url, response.status_code, file, [])

    files = [str(page.file) for page in pages.values()]
    command = ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *files]
    # Exit status 1 only means "some page has errors"; the tests say which.
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The Nu HTML Checker did not answer in JSON:\n{result.stdout}\n{result.stderr}")
    by_file = {page.file.name: page for page in pages.values()}
    for message in messages:
        page = by_file.get(Path(urlparse(message.get("url", "")).path).name)
        if page is None or message.get("type") == "non-document-error":
            pytest.fail(f"The Nu HTML Checker could not check the pages: {message}")
        if message.get("type") == "error":
            page.errors.append(message)
    return pages


# --- axe-core -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        pytest.skip("axe-core not installed (node_modules/): run ./dev test, which runs npm ci")
    return AXE_SCRIPT
