"""The API object with the project's conventions: scopes in the OpenAPI schema, short operation ids, problems."""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

from portal.api.problems import install_handlers


class ScopedOpenAPISchema(OpenAPISchema):
    def operation_security(self, operation: Operation) -> list[dict[str, Any]] | None:
        """Each operation's security names the scope its token needs (OpenAPI 3.1 allows roles for http schemes)."""
        if not operation.auth_callbacks:
            return None
        result = []
        for auth in operation.auth_callbacks:
            if hasattr(auth, "openapi_security_schema"):
                name = "IntegrationToken"
                scope = getattr(auth, "scope", None)
                result.append({name: [scope] if scope else []})
                self.securitySchemes[name] = {
                    **auth.openapi_security_schema,
                    "description": "An integration token from the admin, with the scope the operation names.",
                }
        return result


PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "Problem details (RFC 9457); `errors` names each field that was wrong.",
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "detail": {"type": "string"},
                    "code": {"type": "string"},
                },
                "required": ["field", "detail", "code"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
# The answers every operation may give besides its own: bad JSON, token, scope, unknown item, size, values, limit.
PROBLEM_STATUSES = {
    400: "The body is not valid JSON.",
    401: "No token, or an unknown or revoked one.",
    403: "The token lacks the operation's scope.",
    404: "Nothing at this address, or the item is not public.",
    409: "The time was taken, the hold ran out, or the person already has a booking.",
    413: "The body is larger than the limit.",
    422: "A value is missing, unknown or not valid; `errors` names it.",
    429: "Over a rate limit; Retry-After says when to try again.",
}


def with_problems(schema: dict[str, Any]) -> dict[str, Any]:
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    reference = {"$ref": "#/components/schemas/Problem"}
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            for status, description in PROBLEM_STATUSES.items():
                if status not in responses and str(status) not in responses:
                    responses[status] = {
                        "description": description,
                        "content": {"application/problem+json": {"schema": reference}},
                    }
    return schema


class PortalApi(NinjaAPI):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        install_handlers(self)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        schema = ScopedOpenAPISchema(self, path_prefix)
        with_problems(schema)
        return schema

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__
