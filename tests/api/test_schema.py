"""The API's contract: the committed OpenAPI schema, every operation's scope, the documentation page, and a real
client generated from the schema."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from portal.management.commands.api_schema import api_schema_text
from tests.api.conftest import ALL_SCOPES, assert_problem

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "api" / "openapi.json"


def operations():
    schema = json.loads(COMMITTED.read_text())
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            (scope,) = operation["security"][0]["IntegrationToken"]
            yield method, path, scope


def test_the_committed_schema_is_the_schema_the_code_makes():
    """A change of the API changes docs/api/openapi.json in the same commit: `manage.py api_schema > ...`."""
    assert api_schema_text() == COMMITTED.read_text(), "run: manage.py api_schema > docs/api/openapi.json"


def test_the_schema_is_served_and_every_operation_names_one_scope(client):
    served = client.get("/api/v1/schema/").json()
    assert served["paths"].keys() == json.loads(COMMITTED.read_text())["paths"].keys()
    assert {scope for _method, _path, scope in operations()} == set(ALL_SCOPES)


@pytest.mark.django_db
@pytest.mark.parametrize("method, path, scope", list(operations()))
def test_every_operation_refuses_tokens_without_its_scope_and_calls_without_a_token(
    api, make_token, method, path, scope
):
    concrete = re.sub(r"\{[a-z_]+\}", "1", path).removeprefix("/api/v1")
    others = make_token(*(s for s in ALL_SCOPES if s != scope))
    call = api.get if method == "get" else api.post
    assert_problem(call(concrete, token=others), 403)
    assert_problem(call(concrete, token=""), 401)


def test_the_documentation_page_lists_every_operation_from_local_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    for method, path, _scope in operations():
        assert f"{method.upper()} {path}" in page
    assert "<script" not in page and "cdn" not in page.lower()


def test_a_client_generated_from_the_committed_schema_reads_the_places(tmp_path, live_server, read_token, place):
    """openapi-python-client builds a typed client offline; the client then calls the running site."""
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(COMMITTED),
            "--output-path",
            str(tmp_path / "client"),
            "--meta",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        from client import AuthenticatedClient
        from client.api.public_information import place_list

        api_client = AuthenticatedClient(base_url=live_server.url, token=read_token)
        page = place_list.sync(client=api_client, lang="en")
        assert page.count == 1 and page.results[0].slug == place.slug
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name == "client" or name.startswith("client.")]:
            del sys.modules[name]
