"""Write the integration API's OpenAPI schema: `manage.py api_schema > docs/api/openapi.json`.

The committed file is the API's contract: `tests/api/test_schema.py` fails when the code's schema differs from
it, so a change of the API is made on purpose, with the file, and reviewed as such.
"""

import json
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand


def api_schema_text() -> str:
    api = import_module(settings.ROOT_URLCONF).api
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Print the integration API's OpenAPI schema (JSON), as committed in docs/api/openapi.json."

    def handle(self, *args, **options) -> None:
        self.stdout.write(api_schema_text(), ending="")
