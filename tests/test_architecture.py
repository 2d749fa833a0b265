"""The package's layering, checked on the source: imports point down, never in a circle.

Every ``import`` in ``src/sphinx_journal`` is read from the syntax tree (those
inside functions and ``TYPE_CHECKING`` blocks too: a cycle for the type
checker is a cycle for the reader). Each top-level module or package has a
layer; a module may import its own package and lower layers only.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sphinx_journal"

#: Bottom up. A package may import any package of a lower layer, none of its own or above.
LAYERS: tuple[frozenset[str], ...] = (
    # no journal imports
    frozenset({"version", "warnings_", "i18n", "compat", "priorities", "pickling"}),
    frozenset({"jekyll", "papers", "search", "builders", "pagenames"}),  # pure rules
    frozenset({"config", "upstream"}),
    frozenset({"records"}),  # frozen records, no nodes
    frozenset({"domain"}),
    frozenset({"site"}),  # foundations: links, placeholder nodes, outputs, the registry
    frozenset({"posts"}),  # reading posts: front matter, body, header, the post index
    frozenset({"pages"}),  # shared renderers, listing base, the journal's own pages
    frozenset({"sections", "bibliography", "feeds"}),
    frozenset({"connections", "sharing", "theme"}),  # features built on the others
    frozenset({"cli", "extension"}),
    frozenset({"__init__", "__main__"}),
)
#: Private modules of these projects are named in ``compat`` only.
UPSTREAM = ("sphinx", "docutils", "myst_parser", "sphinxcontrib")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


@cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for all the checks."""
    return ast.parse(path.read_text(encoding="utf-8"))


@cache
def _imports(name: str, path: Path) -> list[tuple[str, int]]:
    """(imported module, line) of every import of ``name``, relative ones resolved."""
    tree = _tree(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.append((sub if sub in MODULES else module, node.lineno))
    return found


@cache
def _internal_edges() -> dict[str, set[str]]:
    return {
        name: {target for target, _ in _imports(name, path) if target in MODULES and target != name}
        for name, path in MODULES.items()
    }


def _unit(module: str) -> str:
    """The top-level module or package a module belongs to (``__init__`` for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules() -> None:
    assert _cycles(_internal_edges()) == []


def test_no_import_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for module, targets in _internal_edges().items():
        graph.setdefault(_unit(module), set()).update(
            _unit(t) for t in targets if _unit(t) != _unit(module)
        )
    assert _cycles(graph) == []


def _layer(unit: str) -> int:
    for number, layer in enumerate(LAYERS):
        if unit in layer:
            return number
    raise AssertionError(f"{unit!r} has no layer in tests/test_architecture.py: give it one")


def test_every_import_points_down() -> None:
    wrong = [
        f"{module} imports {target} (layer {_layer(_unit(target))} >= {_layer(_unit(module))})"
        for module, targets in sorted(_internal_edges().items())
        for target in sorted(targets)
        if _unit(target) != _unit(module) and _layer(_unit(target)) >= _layer(_unit(module))
    ]
    assert wrong == []


def test_private_upstream_apis_only_in_compat() -> None:
    wrong = []
    for name, path in MODULES.items():
        if name == "sphinx_journal.compat":
            continue
        text = path.read_text(encoding="utf-8")
        wrong.extend(
            f"{name}:{line} imports {target}"
            for target, line in _imports(name, path)
            if target.split(".")[0] in UPSTREAM
            and any(part.startswith("_") for part in target.split(".")[1:])
        )
        private = ("._raw_config", "._pickled_doctree_cache", ".myst_config", "._app", "_cache=")
        for attribute in private:
            if attribute in text:
                wrong.append(f"{name} uses {attribute}")
    assert wrong == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_registration_at_import_time(name: str) -> None:
    """Module bodies define things; only ``setup_*`` functions register them."""
    tree = _tree(MODULES[name])
    calls = [
        node.value.func
        for node in tree.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ]
    names = [ast.unparse(func) for func in calls]
    assert [n for n in names if "register" in n or n.startswith("app.")] == []


def test_every_store_is_a_typed_attribute_of_the_domain() -> None:
    from sphinx_journal.domain import STORES, JournalDomain, StoreOf  # noqa: PLC0415

    typed = {name for name, value in vars(JournalDomain).items() if isinstance(value, StoreOf)}
    assert typed == set(STORES)
