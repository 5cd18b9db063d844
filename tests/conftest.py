import pytest
from django.core.cache import cache, caches
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases
from django.utils import translation
from pytest_django.fixtures import _get_databases_for_setup

from portal.celery import app as celery_app
from portal.page_cache import local_pages
from tests.factories import PlaceFactory


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb,
                    django_db_modify_db_settings):
    """pytest-django's set-up, with the default database always among those created.

    pytest-django creates only the databases that the selected tests ask for by a marker or the `db` fixtures.
    The browser sweeps reach the database through their package-wide content fixture instead, so a run of sweeps
    alone (`-k fees-pl`) found no test database and read the development one in var/.
    """
    aliases, serialized = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        databases = setup_databases(
            verbosity=request.config.option.verbose, interactive=False, aliases=aliases | {"default"},
            serialized_aliases=serialized, keepdb=django_db_keepdb and not django_db_createdb,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(databases, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Passwords in tests are hashed cheaply: the production hasher is slow on purpose (about a third of a second
    per password on this machine), which every staff account, demo load and sign-in paid again."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def short_demo_history(monkeypatch):
    """Ten days of indicator history instead of four months, for tests of the demo that do not look at the charts
    (`tests/infopoints/test_reports_demo.py` loads the full history)."""
    monkeypatch.setattr("infopoints.demo_reports.DAYS", 10)


@pytest.fixture
def place(db):
    """The headquarters in Poznań (the slug of the demo's), made by the factory: the place most tests work at."""
    return PlaceFactory(slug="poznan-foreigners-department", city="Poznań")


@pytest.fixture(autouse=True)
def static_files_without_manifest(settings):
    """Tests find static files where they are written; the hashed manifest is for production (`collectstatic`)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def eager_celery_and_empty_cache():
    """Tasks run in the test process, and no counter or cached page leaks from one test into the next.

    With REDIS_URL set (the PostgreSQL + Redis pass in CI) the settings would send tasks to a worker; only the
    test that starts a real worker wants that, and it switches eager mode off itself.
    """
    celery_app.conf.task_always_eager = True
    cache.clear()
    local_pages.clear()  # each worker's copy of pages read from the cache (portal/page_cache.py)
    caches["layout"].clear()  # and of the layout's pieces (templates/base.html)
    # A request leaves its language active in the thread; each test starts from the default language.
    translation.activate("pl")
    yield
    cache.clear()
    local_pages.clear()
    translation.activate("pl")
