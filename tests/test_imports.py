"""The package's folders are its architecture, and imports point one way (README, "Where
things are"): a module may import its own layer or a lower one, never a higher one, and
only by absolute name (``from extract.documents.tag import …``).

Read from the source with ``ast`` (every ``import`` anywhere in a module, including inside
functions), so the test needs no import side effects and names the offending line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extract.paths import PACKAGE_DIR

# Lowest first. A module's layer is that of the longest prefix of its dotted name listed here.
# pipeline and site share a rank: both read documents, neither reads the other.
LAYERS: dict[str, int] = {
    "extract.model": 0,
    "extract.errors": 0,
    "extract.paths": 0,
    "extract.grammar": 0,  # the shared 文号 / date grammars, if a bottom-layer package holds them
    "extract.pdf": 1,
    "extract.documents": 2,
    "extract.pipeline": 3,
    "extract.site": 3,
    "extract.build": 4,
    "extract.__main__": 4,  # ``python -m extract`` is the CLI
}
SAME_RANK_APART = {("extract.pipeline", "extract.site"), ("extract.site", "extract.pipeline")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(name: str) -> tuple[str, int] | None:
    """(the LAYERS key, its rank) for a dotted module name, or None for ``extract`` itself
    and modules outside the package."""
    keys = [key for key in LAYERS if name == key or name.startswith(key + ".")]
    if not keys:
        return None
    key = max(keys, key=len)
    return key, LAYERS[key]


def imported_names(tree: ast.AST) -> list[tuple[int, str, int]]:
    """(line, dotted name, relative level) of every import in ``tree``; ``from extract import
    pipeline`` yields ``extract.pipeline`` (a submodule or a name; both count)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 0 and base == "extract":
                found.extend((node.lineno, f"extract.{alias.name}", 0) for alias in node.names)
            else:
                found.append((node.lineno, base, node.level))
    return found


def violations(name: str, source: str, where: str = "") -> list[str]:
    """Each import of module ``name`` (source text ``source``) that is relative or points to
    a higher layer (or across pipeline/site), as a message naming ``where`` and the line."""
    own = layer_of(name)
    bad = []
    for line, target, level in imported_names(ast.parse(source)):
        if level:
            bad.append(f"{where}:{line}: relative import ({'.' * level}{target}); write extract.… in full")
            continue
        theirs = layer_of(target)
        if own is None or theirs is None:
            continue
        if theirs[1] > own[1] or (own[0], theirs[0]) in SAME_RANK_APART:
            bad.append(f"{where}:{line}: {name} ({own[0]}) imports {target} ({theirs[0]}), a higher or sibling layer")
    return bad


MODULES = sorted(PACKAGE_DIR.rglob("*.py"))


def test_every_module_has_a_layer():
    unplaced = [module_name(p) for p in MODULES if module_name(p) != "extract" and layer_of(module_name(p)) is None]
    assert unplaced == [], "add these modules' folders to LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_point_down_and_are_absolute(path: Path):
    where = str(path.relative_to(PACKAGE_DIR.parent))
    assert violations(module_name(path), path.read_text(encoding="utf-8"), where) == []


@pytest.mark.parametrize("name, source, wanted", [
    ("extract.documents.tag", "from extract.site.render import x\n", 1),   # up
    ("extract.documents.tag", "def f():\n    import extract.build.cli\n", 1),  # up, inside a function
    ("extract.documents.tag", "from .classify import y\n", 1),           # relative
    ("extract.pdf.read", "from extract import pipeline\n", 1),            # up, as a name
    ("extract.site.render", "from extract.pipeline import distinct_ids\n", 1),  # sibling
    ("extract.site.render", "from extract.documents.tag import z\nimport json\n", 0),  # down, outside
    ("extract.build.cli", "from extract.site import render\nfrom extract import pipeline\n", 0),
])
def test_the_checker_on_known_imports(name, source, wanted):
    assert len(violations(name, source)) == wanted
