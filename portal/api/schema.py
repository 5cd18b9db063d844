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


class PortalApi(NinjaAPI):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        install_handlers(self)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return ScopedOpenAPISchema(self, path_prefix)

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__
