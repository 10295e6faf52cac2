"""The package's import structure: core imports no stage, stages import only earlier ones,
and no module imports itself back through others. Read from the source with `ast`, imports
inside functions included, so the rules hold for what runs, not only what loads first."""

import ast
from pathlib import Path

import pytest

import orchestration

PACKAGE = Path(orchestration.__file__).parent
STAGES = ("ingest", "extract", "quality", "warehouse", "reports")
WIRING = {"orchestration.definitions", "orchestration.cli", "orchestration.runner",
          "orchestration.run_processes"}  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `path` imports, wherever in the file it imports them."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: imported(path, set(MODULES)) - {name} for name, path in MODULES.items()}


def stage(module: str) -> str | None:
    """The stage or "core" a module belongs to; None for the top-level modules."""
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[1] in (*STAGES, "core") else None


def test_the_graph_covers_the_package() -> None:
    assert "orchestration.core.connection" in GRAPH["orchestration.warehouse.load"]
    assert len(MODULES) > 50


def test_core_imports_no_stage() -> None:
    offending = {
        (module, dep)
        for module, deps in GRAPH.items()
        if stage(module) == "core"
        for dep in deps
        if stage(dep) != "core"
    }
    assert not offending


@pytest.mark.parametrize("later", range(len(STAGES)))
def test_no_module_outside_the_wiring_imports_a_later_stage(later: int) -> None:
    offending = {
        (module, dep)
        for module, deps in GRAPH.items()
        if module not in WIRING and stage(module) in STAGES[:later]
        for dep in deps
        if stage(dep) == STAGES[later]
    }
    assert not offending


def test_only_the_wiring_imports_from_outside_core_and_the_stages() -> None:
    offending = {
        (module, dep)
        for module, deps in GRAPH.items()
        if module not in WIRING
        for dep in deps
        if stage(dep) is None and dep != "orchestration"
    }
    assert not offending


def test_no_import_cycle() -> None:
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for dep in sorted(GRAPH[module]):
            if state.get(dep) == "open":
                cycles.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not cycles
