"""The rules of the house (docs/design.md): one-way imports between wings, no private name
across a wall, no import circle, matplotlib and the widgets only where they belong, the public
names listed exactly, and the fast commands that stay fast.

Read from the source with :mod:`ast`, so a lazy import inside a function counts as much as one
at the top of a module.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import footmap

PACKAGE = Path(footmap.__file__).resolve().parent
ROOT = PACKAGE.parent
TESTS = Path(__file__).resolve().parent

#: The top-level modules every wing may use; they import no wing.
BASE = ("vocab", "errors", "style", "atomic")
#: Where each part of the package stands in the one-way order: a module may import only from
#: parts ranked lower (and from its own part). ``footmap`` is the package's ``__init__``.
RANK = {
    **dict.fromkeys(BASE, 0),
    "chart": 1,
    "text": 2,
    "render": 3,
    "web": 4,
    "export": 5,
    "assess": 6,
    "explorer": 7,
    "cli": 7,
    "__main__": 8,
}
#: The package's face re-exports the chart wing (footmap.load, footmap.Chart, ...).
ROOT_MAY_IMPORT = {"chart", *BASE}
WINGS = ("chart", "text", "render", "web", "export", "assess", "explorer")


def _module_name(path: Path, base: Path, prefix: str) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([prefix, *parts] if prefix else parts)


@cache
def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {_module_name(p, PACKAGE, "footmap"): p for p in sorted(PACKAGE.rglob("*.py"))}


def _part(module: str) -> str:
    """The wing or top-level module ``module`` belongs to (``footmap`` for the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "footmap"


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@dataclass(frozen=True)
class Import:
    """One imported module or name, as the source says it."""

    importer: str
    module: str  # the footmap (or outside) module the import loads
    name: str | None  # the name taken from it, None when a module is imported
    lazy: bool  # inside a function, class or block
    type_only: bool  # under ``if TYPE_CHECKING:``
    line: int

    def __str__(self) -> str:
        what = f"{self.module}.{self.name}" if self.name else self.module
        return f"{self.importer}:{self.line} imports {what}"


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return inside


def _imports_of(path: Path, importer: str, is_package: bool) -> list[Import]:
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(n) for n in tree.body}
    typing_only = _type_checking_nodes(tree)
    modules = _modules()
    found = []
    for node in ast.walk(tree):
        lazy, type_only = id(node) not in top, id(node) in typing_only
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(importer, alias.name, None, lazy, type_only, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = importer.split(".") if is_package else importer.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                if sub in modules:
                    found.append(Import(importer, sub, None, lazy, type_only, node.lineno))
                else:
                    found.append(Import(importer, source, alias.name, lazy, type_only, node.lineno))
    return found


@cache
def _package_imports() -> tuple[Import, ...]:
    return tuple(
        imp
        for name, path in _modules().items()
        for imp in _imports_of(path, name, path.name == "__init__.py")
    )


def _footmap_imports() -> list[Import]:
    return [i for i in _package_imports() if i.module.split(".")[0] == "footmap"]


def _top_level_names(module: str) -> tuple[set[str], set[str]]:
    """Names ``module`` defines itself, and names it only imports (re-exports)."""
    defined: set[str] = set()
    imported: set[str] = set()

    def bind(statements: list[ast.stmt]) -> None:
        for stmt in statements:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(stmt.name)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for target in targets:
                    defined.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                imported.update((a.asname or a.name).split(".")[0] for a in stmt.names)
            else:  # if / try / with blocks at the top level
                for field in ("body", "orelse", "finalbody", "handlers"):
                    bind(getattr(stmt, field, []))
                if isinstance(stmt, ast.ExceptHandler):
                    bind(stmt.body)

    bind(ast.parse(_modules()[module].read_text("utf-8")).body)
    return defined, imported - defined


def _all_of(module: str) -> list[str] | None:
    tree = ast.parse(_modules()[module].read_text("utf-8"))
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets
        ):
            return list(ast.literal_eval(stmt.value))
    return None


# -- (a) imports run one way -----------------------------------------------------------------
def test_the_parser_sees_lazy_relative_and_type_only_imports():
    """The rules below are only as good as this reading of the source: check it once."""
    imports = _package_imports()
    assert any(i.importer == "footmap.cli" and i.lazy and i.module == "matplotlib" for i in imports)
    assert any(i.importer == "footmap.chart._schema" and i.type_only for i in imports)
    assert any(
        i.importer == "footmap.render.plot" and i.module == "footmap.render.fasttext" and not i.lazy
        for i in imports
    )
    assert len(_modules()) > 40


def test_imports_run_one_way():
    wrong = []
    for imp in _footmap_imports():
        here, there = _part(imp.importer), _part(imp.module)
        if here == there:
            continue
        if here == "footmap":
            if there not in ROOT_MAY_IMPORT:
                wrong.append(str(imp))
        elif there == "footmap":
            if RANK[here] <= RANK["chart"]:  # the package's __init__ stands with chart/
                wrong.append(str(imp))
        elif RANK[there] >= RANK[here] and not (here in BASE and there in BASE):
            wrong.append(str(imp))  # the top-level modules may use each other (no circle)
    assert wrong == []


def test_no_private_name_crosses_a_wall():
    """A name another wing (or top-level module) needs is public there; private modules too."""
    wrong = []
    for imp in _footmap_imports():
        if _part(imp.importer) == _part(imp.module):
            continue
        private_module = any(_is_private(p) for p in imp.module.split("."))
        if private_module or (imp.name is not None and _is_private(imp.name)):
            wrong.append(str(imp))
    assert wrong == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_cycles_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle():
    """Module-level imports only: a lazy or type-only import runs after both modules exist."""
    edges: dict[str, set[str]] = {}
    for imp in _footmap_imports():
        if not imp.lazy and imp.module != imp.importer:
            edges.setdefault(imp.importer, set()).add(imp.module)
    assert _cycles(edges) == []


def _owner_problems(imports: list[Import]) -> list[str]:
    """Names taken from a footmap module that does not own them (a re-export), or from a face
    that does not list them."""
    modules = _modules()
    wrong = []
    for imp in imports:
        if imp.name is None or imp.module not in modules or imp.name.startswith("__"):
            continue
        if modules[imp.module].name == "__init__.py":  # a face: only what it lists
            listed = _all_of(imp.module) or []
            if imp.name not in listed and imp.module != "footmap":
                wrong.append(f"{imp} (not in its __all__)")
            elif imp.module == "footmap" and imp.name not in [*listed, "__version__"]:
                wrong.append(f"{imp} (not in its __all__)")
            continue
        _, reexported = _top_level_names(imp.module)
        if imp.name in reexported:
            wrong.append(f"{imp} (a re-export)")
    return wrong


def test_the_package_imports_each_name_from_its_owner():
    assert _owner_problems(_footmap_imports()) == []


def test_the_tests_import_each_name_from_its_owner():
    imports = []
    for path in sorted(TESTS.rglob("*.py")):
        name = _module_name(path, TESTS, "tests")
        imports += [
            i
            for i in _imports_of(path, name, path.name == "__init__.py")
            if i.module.split(".")[0] == "footmap"
        ]
    assert len(imports) > 100
    assert _owner_problems(imports) == []


def _re_exports_reached(path: Path) -> list[str]:
    """``module.name`` in a test where ``module`` only re-exports ``name`` (an identity check,
    ``module.name is owner.name``, is the one use of a re-export allowed)."""
    tree = ast.parse(path.read_text("utf-8"))
    modules = _modules()
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {a.asname: a.name for a in node.names if a.asname and a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                if f"{node.module}.{a.name}" in modules:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    identity = {
        id(operand)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare) and all(isinstance(o, ast.Is) for o in node.ops)
        for operand in (node.left, *node.comparators)
    }
    wrong = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and id(node) not in identity
        ):
            module = aliases[node.value.id]
            if modules[module].name != "__init__.py" and node.attr in _top_level_names(module)[1]:
                wrong.append(f"{path.relative_to(TESTS)}:{node.lineno} {module}.{node.attr}")
    return wrong


def test_the_tests_reach_no_name_through_a_re_export():
    wrong = [w for path in sorted(TESTS.rglob("*.py")) for w in _re_exports_reached(path)]
    assert wrong == []


def test_a_name_another_module_imports_is_in_its_all():
    """``__all__`` lists what a module offers the rest of the package."""
    wrong = []
    for imp in _footmap_imports():
        if imp.name is None or _is_private(imp.name) or imp.name.startswith("__"):
            continue
        listed = _all_of(imp.module)
        if listed is not None and imp.name not in listed:
            wrong.append(str(imp))
    assert wrong == []


# -- (b) matplotlib and the widgets where they belong ----------------------------------------
def test_chart_and_text_import_no_matplotlib():
    wrong = [
        str(i)
        for i in _package_imports()
        if _part(i.importer) in ("chart", "text") and i.module.split(".")[0] == "matplotlib"
    ]
    assert wrong == []


def test_only_the_explorer_imports_widgets():
    wrong = [
        str(i)
        for i in _package_imports()
        if _part(i.importer) != "explorer" and i.module.split(".")[0] in ("ipywidgets", "ipympl")
    ]
    assert wrong == []


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(out.strip().splitlines()[-1].split())


def test_importing_chart_and_text_loads_no_matplotlib_or_widgets():
    loaded = _modules_after("import footmap, footmap.chart, footmap.text")
    assert "footmap.text.describe" in loaded
    assert not loaded & {"matplotlib", "ipywidgets", "ipympl"}


# -- (c) the public names --------------------------------------------------------------------
EXPECTED_ALL = {
    "footmap": [
        "AnatomyChart",
        "BodyChart",
        "Caveat",
        "Chart",
        "ChartError",
        "Claim",
        "Disagreement",
        "FEET",
        "FootmapError",
        "Outline",
        "Problem",
        "SCHEMA_VERSION",
        "SYSTEMS",
        "Source",
        "UnderItem",
        "VIEWS",
        "Zone",
        "anatomy_under",
        "bundled_path",
        "load",
        "load_anatomy",
        "load_body",
        "loads",
        "schema",
        "walk",
    ],
    "footmap.chart": [
        "AnatomyChart",
        "BodyChart",
        "BodyOutline",
        "CAVEAT_SOURCE_KINDS",
        "CLAIM_KINDS",
        "Caveat",
        "Chart",
        "Claim",
        "DEFAULT_MAX_BYTES",
        "DEFAULT_MAX_ZONES",
        "Disagreement",
        "HighlightSpec",
        "Outline",
        "Region",
        "SCHEMA_VERSION",
        "SOURCE_KINDS",
        "Source",
        "Structure",
        "UnderItem",
        "Zone",
        "anatomy_under",
        "bundled_path",
        "drawn_on",
        "find",
        "load",
        "load_anatomy",
        "load_body",
        "load_chart",
        "loads",
        "match_search",
        "resolve",
        "schema",
        "search_options",
        "walk",
    ],
    "footmap.text": [
        "ARTICLES_HEADING",
        "CAVEAT_HEADING",
        "CHARTS_HEADING",
        "DISAGREE_HEADING",
        "EVIDENCE_HEADING",
        "REMINDER",
        "SAFETY_HEADING",
        "SECTIONS",
        "SelectionDescription",
        "UNDER_HEADING",
        "WHERE_HEADING",
        "ZoneDescription",
        "caveat_html",
        "caveat_line",
        "citation_numbers",
        "describe_selection",
        "describe_zone",
        "display_text",
        "escape_html",
        "reference_list",
        "safety_line",
        "safety_text",
        "terminal_text",
        "under_html",
        "under_text",
        "where_it_really_is",
        "where_it_really_is_html",
        "zone_html",
        "zone_text",
        "zones_html",
    ],
    "footmap.render": [
        "AnatomyLayer",
        "BodyArtists",
        "ColorBy",
        "MapArtists",
        "place_labels",
        "plot_anatomy_layer",
        "plot_body",
        "plot_map",
    ],
    "footmap.web": ["html_document", "write_html"],
    "footmap.export": [
        "FORMATS",
        "SIZES",
        "check_dpi",
        "export",
        "figure",
        "handout",
        "page_size",
        "save_figure",
        "save_pages",
    ],
    "footmap.assess": [
        "QuizItem",
        "Target",
        "Variant",
        "answer_key",
        "key_data",
        "quiz_items",
        "variant",
        "variants",
        "worksheet",
        "write_moodle",
        "write_qti",
    ],
    "footmap.explorer": ["Explorer", "Quiz", "Tour", "explore", "quiz_widget", "tour_widget"],
}


@pytest.mark.parametrize("face", sorted(EXPECTED_ALL))
def test_each_face_lists_exactly_its_public_names(face):
    module = importlib.import_module(face)
    assert sorted(module.__all__) == EXPECTED_ALL[face]


def test_every_wing_has_a_face_in_the_list():
    assert sorted(EXPECTED_ALL) == sorted(["footmap", *(f"footmap.{w}" for w in WINGS)])
    faces = sorted(n for n, p in _modules().items() if p.name == "__init__.py")
    assert faces == sorted(EXPECTED_ALL)


def test_only_a_face_re_exports():
    """A module's ``__all__`` lists what it defines; only a wing's ``__init__`` re-exports."""
    wrong = []
    for name, path in _modules().items():
        if path.name != "__init__.py":
            defined, _ = _top_level_names(name)
            wrong += [f"{name}.{n}" for n in _all_of(name) or () if n not in defined]
    assert wrong == []


def test_every_listed_name_exists():
    """Each name in each module's ``__all__`` is there (``from m import *`` would fail)."""
    missing = []
    for name in _modules():
        if name == "footmap.__main__":
            continue  # running it is the command line
        listed = _all_of(name)
        module = importlib.import_module(name)
        missing += [f"{name}.{n}" for n in listed or () if not hasattr(module, n)]
        assert listed is None or len(listed) == len(set(listed)), name
    assert missing == []


# -- (d) the fast commands stay fast ---------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [["find", "kidneys"], ["summary"], ["validate", "data/zones.geojson"]],
    ids=["find", "summary", "validate"],
)
def test_fast_commands_import_no_matplotlib(argv):
    loaded = _modules_after(
        "import sys\nfrom footmap.cli import main\n"
        f"code = main({argv!r})\nsys.stdout.flush()\nassert code == 0, code"
    )
    assert "footmap.cli" in loaded
    assert "footmap.chart.loader" in loaded
    assert "matplotlib" not in loaded
