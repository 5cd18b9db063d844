"""The API's documentation page: the operations of the OpenAPI schema, drawn on the server from local files.

No script and nothing from another site (the Content-Security-Policy forbids both): the page lists each
operation with its scope, parameters, body fields and answers, and links the schema itself.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

METHODS = ("get", "post", "put", "patch", "delete")


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    reference = node.get("$ref", "")
    if reference.startswith("#/components/schemas/"):
        return schema.get("components", {}).get("schemas", {}).get(reference.rsplit("/", 1)[1], {})
    return node


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema's operations in path order, each with what the page shows."""
    rows = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            body_schema = _resolve(schema, body) if body else {}
            scopes = [scope for entry in operation.get("security", []) for scope in entry.get("x-scopes", [])]
            rows.append(
                {
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tags": operation.get("tags", []),
                    "scopes": scopes,
                    "parameters": [
                        {"name": p["name"], "where": p["in"], "required": p.get("required", False)}
                        for p in operation.get("parameters", [])
                    ],
                    "fields": sorted(body_schema.get("properties", {})),
                    "required": body_schema.get("required", []),
                    "answers": sorted(operation.get("responses", {})),
                }
            )
    return rows


def docs(request: HttpRequest, api: Any) -> HttpResponse:
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    context = {"operations": operations(schema), "version": schema.get("info", {}).get("version", "")}
    return render(request, "api/docs.html", context)
