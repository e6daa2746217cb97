"""The layout's rules (docs/architecture.md): no import loops between the project's modules,
and the models import nothing from the layers above them (search, caching's users, views)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "directory", "navigator", "openreferral", "pages", "signposting")


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[_module_name(path)] = path
    return found


def _imports(name, path, modules):
    """The project modules `name` imports, anywhere in the file (at the top or in a function)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph():
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _without_packages(graph):
    """A package's __init__ that only hands names on is no step of a loop: `directory.models`
    imports `directory.models.service`, which importing `directory.models.querysets` is not."""
    return {
        name: {t for t in targets if not (t in graph and name.startswith(t + "."))}
        for name, targets in graph.items()
    }


def _loops(graph):
    index, low, stack, on_stack, loops = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return loops


def test_no_import_loops():
    assert _loops(_without_packages(_graph())) == []


def test_the_models_import_nothing_above_them():
    graph = _graph()
    allowed = ("directory.models", "directory.vocabulary", "directory.vocabulary_rows")
    allowed += ("directory.facts",)  # the declared slugs: constants, importing nothing
    allowed += ("directory.caching", "directory.phone", "directory.wording")
    for name, targets in graph.items():
        if name.startswith("directory.models"):
            above = {t for t in targets if not t.startswith(allowed)}
            assert not above, f"{name} imports {sorted(above)}"
