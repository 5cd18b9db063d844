"""How the project is built and checked: the container image, the lock file, the import contracts, ./dev.

There is no Docker engine where the tests run, so the Dockerfile is read rather than built: these tests pin the
properties a build must have (the locked versions, two stages, one copy of the code, no root).
"""

import shutil
import subprocess
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["portal", "cases", "appointments", "infopoints"]


def dockerfile_stages() -> list[list[str]]:
    """The Dockerfile's instructions (continuation lines joined, comments dropped), grouped by stage."""
    instructions, current = [], ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        current += stripped.removesuffix("\\").strip() + " "
        if not stripped.endswith("\\"):
            instructions.append(current.strip())
            current = ""
    stages: list[list[str]] = []
    for instruction in instructions:
        if instruction.upper().startswith("FROM "):
            stages.append([])
        if stages:
            stages[-1].append(instruction)
    return stages


def test_the_image_is_built_in_two_stages_and_the_runtime_takes_only_the_installed_dependencies():
    build, runtime = dockerfile_stages()

    assert build[0].split()[-2:] == ["AS", "build"]
    assert any(i.startswith("COPY --from=build /opt/venv") for i in runtime)


def test_the_image_installs_the_locked_versions_with_their_hashes():
    build, _runtime = dockerfile_stages()
    installs = [i for i in build if "pip install" in i and "-r " in i]

    assert installs, "the build stage installs no requirements file"
    assert all("--require-hashes" in i and "requirements.txt" in i for i in installs)
    assert "requirements.txt" in (ROOT / "dev").read_text() or "requirements-dev.txt" in (ROOT / "dev").read_text()


def test_the_code_is_installed_once_and_the_runtime_stage_installs_nothing_with_pip():
    stages = dockerfile_stages()
    every = [instruction for stage in stages for instruction in stage]

    assert not [i for i in every if " pip install" in f" {i}" and (" . " in f"{i} " or " -e " in i)]
    assert not [i for i in stages[-1] if "pip install" in i]


def test_the_image_runs_as_an_ordinary_user():
    users = [i.split()[1] for i in dockerfile_stages()[-1] if i.upper().startswith("USER ")]

    assert users, "the runtime stage sets no USER"
    assert users[-1] not in {"root", "0", "0:0"}


def test_the_image_builds_catalogues_and_static_files_and_takes_the_worker_count_from_the_environment():
    runtime = dockerfile_stages()[-1]
    runs = " ".join(i for i in runtime if i.startswith("RUN "))
    command = next(i for i in reversed(runtime) if i.startswith("CMD "))

    assert "compile_translations" in runs
    assert "collectstatic" in runs
    assert "--workers" not in command  # gunicorn reads WEB_CONCURRENCY itself
    assert any(i.startswith("ENV ") and "WEB_CONCURRENCY=" in i for i in runtime)


def test_the_exported_requirements_are_those_of_uv_lock_and_the_lock_fits_pyproject():
    uv = ROOT / ".venv" / "bin" / "uv"
    if not uv.exists():
        uv = Path(shutil.which("uv") or "")
    assert uv.is_file(), "uv is missing: it is a dev dependency, ./dev installs it"

    def export(*extra: str) -> str:
        command = [str(uv), "export", "--frozen", "--no-emit-project", "--no-header", "-q", *extra]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout

    check = subprocess.run([str(uv), "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True)

    assert check.returncode == 0, f"uv.lock does not fit pyproject.toml (run ./dev lock):\n{check.stderr}"
    assert (ROOT / "requirements.txt").read_text() == export(), "requirements.txt is stale: run ./dev lock"
    assert (ROOT / "requirements-dev.txt").read_text() == export("--extra", "dev"), "run ./dev lock"


def views_importing_models_of_another_app(graph) -> list[str]:
    """Imports by a views module (views.py, views_*.py, a views package, api.py) of another app's models."""
    found = []
    for module in sorted(graph.modules):
        app, _, rest = module.partition(".")
        first = rest.split(".")[0]
        if not (first.startswith("views") or first == "api"):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            other, _, imported_rest = imported.partition(".")
            if other != app and imported_rest.split(".")[0] == "models":
                found.append(f"{module} -> {imported}")
    return found


def test_views_of_every_app_read_other_apps_through_their_selectors_not_their_models():
    """The rule of the import contracts in pyproject.toml, for views modules that do not exist yet as well."""
    graph = grimp.build_graph(*APPS, cache_dir=None, exclude_type_checking_imports=True)

    assert any(module.startswith("appointments.views") for module in graph.modules)
    assert views_importing_models_of_another_app(graph) == []


def test_the_views_rule_notices_a_view_that_imports_another_apps_models():
    graph = grimp.build_graph(*APPS, cache_dir=None, exclude_type_checking_imports=True)
    graph.add_module("infopoints.views_queue")
    graph.add_import(importer="infopoints.views_queue", imported="appointments.models")
    graph.add_import(importer="infopoints.views_queue", imported="infopoints.models")

    assert views_importing_models_of_another_app(graph) == ["infopoints.views_queue -> appointments.models"]


def test_the_layering_and_circle_contracts_cover_every_app():
    contracts = {c["id"]: c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
                 ["contracts"]}

    assert contracts["layers"]["layers"] == ["infopoints", "appointments", "cases", "portal"]
    assert sorted(contracts["no-circles"]["ancestors"]) == sorted(APPS)


@pytest.mark.parametrize("arguments", [["run", "--port", "eighty"], ["run", "--port"], ["run", "--colour"]])
def test_dev_refuses_a_bad_port_before_setting_anything_up(arguments):
    result = subprocess.run(["bash", str(ROOT / "dev"), *arguments], capture_output=True, text=True, timeout=30)

    assert result.returncode != 0
    assert result.stderr.startswith("dev: ")


def test_the_database_password_is_written_once_and_compose_builds_the_url_from_it():
    compose = (ROOT / "docker-compose.yml").read_text()
    example = (ROOT / ".env.example").read_text().splitlines()
    url_line = next(line for line in compose.splitlines() if line.strip().startswith("DATABASE_URL:"))

    assert "${POSTGRES_PASSWORD" in url_line and "@${POSTGRES_HOST:-db}:" in url_line
    assert "POSTGRES_PASSWORD=" in example
    assert not [line for line in example if line.startswith("DATABASE_URL=")]  # no second copy of the password


def test_every_compose_command_in_the_comments_names_the_env_file():
    commands = [line for line in (ROOT / "docker-compose.yml").read_text().splitlines()
                if line.lstrip("# ").startswith("docker compose")]

    assert commands
    assert all("--env-file .env.production" in command for command in commands)


MODULE_LINE_LIMIT = 500


def _is_demo_data(path: Path) -> bool:
    return "demo" in path.parts or path.name.startswith("demo")


def test_no_module_of_the_apps_passes_500_lines_outside_migrations_and_demo_data():
    """A module that grows past this is split by concern into a package (see CONTRIBUTING.md)."""
    too_long = {
        str(path.relative_to(ROOT)): length
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts and not _is_demo_data(path)
        if (length := len(path.read_text().splitlines())) > MODULE_LINE_LIMIT
    }
    assert too_long == {}


def test_the_length_rule_skips_only_migrations_and_demo_data():
    assert _is_demo_data(ROOT / "portal/demo/places_data.py") and _is_demo_data(ROOT / "cases/demo_catalogue.py")
    assert not _is_demo_data(ROOT / "portal/search/ranking.py")
    assert not _is_demo_data(ROOT / "infopoints/services/queue/desk.py")
