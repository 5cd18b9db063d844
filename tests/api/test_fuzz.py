"""Schemathesis against the live schema: generated requests to every operation, valid and not, answered without a
5xx and as the schema says (status codes, content types, bodies). A bounded number of examples per operation keeps
it short enough for every CI run."""

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks

from cases import services
from tests.api.conftest import ALL_SCOPES

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def every_scope(db, place):
    """A token with every scope, and requests that keep the test's database connection: Django's test client
    does the same (a WSGI request would otherwise close the connection that holds the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield services.integration_token_create(name="fuzz", scopes=ALL_SCOPES, office_wide=True, requests_per_minute=6000)[
        1
    ]


# Once per CI run is enough: in the PostgreSQL pass (the stricter database: integer ranges, text encodings).
@pytest.mark.api_fuzz
@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"], reason="runs in the PostgreSQL pass"
)
@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_generated_requests_get_no_server_error_and_answers_that_match_the_schema(case, every_scope):
    case.call_and_validate(headers={"Authorization": f"Bearer {every_scope}"}, checks=CHECKS)
