import pytest
from django.core.cache import cache
from django.utils import translation

from portal.celery import app as celery_app
from tests.factories import PlaceFactory


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
    # A request leaves its language active in the thread; each test starts from the default language.
    translation.activate("pl")
    yield
    cache.clear()
    translation.activate("pl")
