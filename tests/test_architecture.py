"""The house's rules, read from the source with ``ast`` (no QGIS needed): arrows run one way,
no module reaches into another's underscored names, and only core/database.py opens SQLite.
docs/architecture.md draws the rooms these rules keep apart."""
import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "trafficking_db"

# Each room and the rooms it may import (besides itself). Arrows run one way:
# plugin.py -> processing_algorithms -> outputs -> core; gui -> outputs -> core; sample -> core.
MAY_IMPORT = {
    "plugin": {"processing_algorithms", "gui", "outputs", "core", "i18n"},
    "processing_algorithms": {"outputs", "core", "sample", "i18n"},
    "gui": {"outputs", "core", "i18n"},
    "server": {"outputs", "core", "i18n"},
    "outputs": {"core", "i18n"},
    "sample": {"core"},
    "i18n": set(),
    "core": set(),
}
# Rooms that must run without Qt or QGIS: the domain and the sample generator.
QT_FREE = {"core", "sample"}
THE_DOOR = REPO / "trafficking_plugin" / "core" / "database.py"


def room_of(module):
    """The room of a dotted module name relative to the plugin package."""
    parts = module.split(".")
    if parts[0] == "processing_algorithms":
        return "processing_algorithms"
    if parts[0] == "trafficking_plugin":
        if len(parts) == 1 or parts[1] == "plugin":
            return "plugin"
        return parts[1] if parts[1] in MAY_IMPORT else None
    return None


def plugin_modules():
    """(path, dotted module name) of every Python module of the plugin."""
    for top in ("processing_algorithms", "trafficking_plugin"):
        for path in sorted((REPO / top).rglob("*.py")):
            relative = path.relative_to(REPO).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield path, ".".join(parts)


def imports(path, module):
    """(imported module, names, line) of every import of a file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
                if target.startswith(PACKAGE + "."):
                    target = target[len(PACKAGE) + 1:]
            yield target, [a.name for a in node.names], node.lineno


MODULES = list(plugin_modules())


@pytest.mark.parametrize("path, module", MODULES, ids=[m for _, m in MODULES])
def test_arrows_run_one_way(path, module):
    room = room_of(module)
    assert room is not None, f"{module} is in no room of docs/architecture.md"
    for target, names, line in imports(path, module):
        targets = [target] + [f"{target}.{name}" for name in names]
        for each in targets:
            other = room_of(each)
            if other is None or other == room:
                continue
            assert other in MAY_IMPORT[room], \
                f"{path.relative_to(REPO)}:{line}: {room} imports {other} ({each})"
        if room in QT_FREE:
            assert target.split(".")[0] not in ("qgis", "PyQt5", "processing"), \
                f"{path.relative_to(REPO)}:{line}: {room} must run without Qt and QGIS"


@pytest.mark.parametrize("path, module", MODULES, ids=[m for _, m in MODULES])
def test_no_module_reaches_into_anothers_private_names(path, module):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported_modules = set()
    for target, names, line in imports(path, module):
        for name in names:
            assert not (name.startswith("_") and not name.startswith("__")), \
                f"{path.relative_to(REPO)}:{line}: imports {target}.{name}"
        if target.startswith(("trafficking_plugin", "processing_algorithms")):
            imported_modules.update(names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in imported_modules and node.attr.startswith("_") \
                and not node.attr.startswith("__"):
            raise AssertionError(f"{path.relative_to(REPO)}:{node.lineno}: uses "
                                 f"{node.value.id}.{node.attr}")


def test_only_the_database_door_opens_sqlite():
    found = []
    for path, _module in MODULES:
        if path == THE_DOOR:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "connect" and \
                    isinstance(node.value, ast.Name) and node.value.id == "sqlite3":
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found, "sqlite3.connect outside core/database.py: " + ", ".join(found)


def test_algorithms_folder_holds_provider_base_and_one_module_per_algorithm():
    from conftest import PYTHONPATH  # noqa: F401 (the package on sys.path)
    names = {p.stem for p in (REPO / "processing_algorithms").glob("*.py")} - {"__init__"}
    helpers = names - {"provider", "base"}
    source = (REPO / "processing_algorithms" / "provider.py").read_text(encoding="utf-8")
    for name in helpers:
        assert f"from .{name} import" in source, \
            f"processing_algorithms/{name}.py is not an algorithm the provider loads"


def test_the_rules_catch_an_arrow_running_up(tmp_path):
    """The checks above can fail: a core module importing outputs is caught."""
    core = tmp_path / "trafficking_plugin" / "core"
    core.mkdir(parents=True)
    bad = core / "bad.py"
    bad.write_text("from ..outputs import styles\nfrom ..gpkg import _envelope\n", encoding="utf-8")
    found = list(imports(bad, "trafficking_plugin.core.bad"))
    assert room_of(found[0][0] + ".styles") == "outputs" not in MAY_IMPORT["core"]
    assert found[1][1] == ["_envelope"]


TYPED_ROOMS = ("core", "outputs", "sample")


@pytest.mark.parametrize("path, module", [(p, m) for p, m in MODULES if room_of(m) in TYPED_ROOMS],
                         ids=[m for p, m in MODULES if room_of(m) in TYPED_ROOMS])
def test_public_functions_carry_type_hints(path, module):
    """Every public function and public method of core, outputs and sample is annotated."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = []

    def check(function, owner=""):
        if function.name.startswith("_") and function.name != "__init__":
            return
        arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        unannotated = [a.arg for a in arguments if a.annotation is None and a.arg not in ("self", "cls")]
        unannotated += [f"*{a.arg}" for a in (function.args.vararg, function.args.kwarg)
                        if a is not None and a.annotation is None]
        if unannotated or (function.returns is None and function.name != "__init__"):
            missing.append(f"{owner}{function.name} ({', '.join(unannotated) or 'return'})")

    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            check(node)
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    check(item, f"{node.name}.")
    assert not missing, f"{path.relative_to(REPO)}: no type hints on " + "; ".join(missing)


def test_tests_use_public_names_only():
    """Tests go through the public functions, so that a module's insides can change freely."""
    found = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE):
                modules.update(a.asname or a.name for a in node.names)
        for node in ast.walk(tree):
            private = None
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in modules and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                private = f"{node.value.id}.{node.attr}"
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "setattr" \
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                    and str(node.args[1].value).startswith("_"):
                private = f"setattr(..., {node.args[1].value!r})"
            if private and path.name != "test_architecture.py":
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {private}")
    assert not found, "\n".join(found)
