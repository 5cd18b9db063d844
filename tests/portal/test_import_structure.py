"""Services do not import the tasks that call them, and imports hidden in functions hide a reason (issue #15)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# The only import left inside a function in these modules: the outbox's hand-over to Celery in `email_enqueue`,
# which the outbox work rewrites (it will use `portal.queue.task_enqueue("portal.tasks.send_email", ...)`).
ALLOWED_FUNCTION_IMPORTS = {("portal/services.py", "portal.tasks")}


def imports_in(path: str) -> list[tuple[str, bool]]:
    """(module imported, whether the import sits inside a function) for every import of a file."""
    tree = ast.parse((ROOT / path).read_text())
    found = []
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    nested = {id(inner) for function in functions for inner in ast.walk(function) if inner is not function}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, id(node) in nested))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, id(node) in nested) for alias in node.names)
    return found


@pytest.mark.parametrize("app", ["portal", "cases"])
def test_services_never_import_their_tasks_module_at_module_level(app):
    modules = [module for module, inside in imports_in(f"{app}/services.py") if not inside]
    assert f"{app}.tasks" not in modules


def test_cases_services_import_no_tasks_at_all():
    assert all(not module.endswith(".tasks") for module, _inside in imports_in("cases/services.py"))


@pytest.mark.parametrize(
    "path", ["portal/selectors.py", "portal/services.py", "cases/services.py", "cases/selectors.py"]
)
def test_no_import_is_hidden_in_a_function_without_a_reason(path):
    hidden = {(path, module) for module, inside in imports_in(path) if inside}
    assert hidden <= ALLOWED_FUNCTION_IMPORTS
