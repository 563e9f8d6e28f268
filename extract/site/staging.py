"""Write a generated folder incrementally: render everything into a staging folder, then
move into the target only the files whose bytes changed and remove the files no longer
generated.

Unchanged files keep their modification time, so ``mkdocs build --dirty`` (which rebuilds
a page only when its source is newer than its output) rebuilds just the changed pages.
The renderer stays simple — it writes the whole site every time — and a failed render
leaves the target as it was. Writers hand their files to ``Staging.write`` (``{relative
path: bytes}``) and ``Staging.copy`` (``{relative path: source file}``), which check that
every path stays inside the staging folder.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract.site.markup import safe_segment


@dataclass(frozen=True)
class SyncCounts:
    """Files moved into the target (new or changed), left alone (same bytes), removed."""

    written: int
    unchanged: int
    removed: int


@dataclass
class Staging:
    """A staging ``folder`` being written; ``counts`` once it has been synced."""

    folder: Path
    counts: SyncCounts | None = None
    kept: set[Path] = field(default_factory=set)

    def path(self, relative: str, under: str = "") -> Path:
        """``folder/under/relative`` with its parent folders made; raises ValueError when a
        segment of ``relative`` is empty, ``.``, ``..`` or holds ``\\`` or NUL
        (``markup.safe_segment``), so no file lands outside the folder."""
        path = self.folder.joinpath(*under.split("/") if under else (), *(safe_segment(s) for s in relative.split("/")))
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, files: Mapping[str, bytes], under: str = "") -> None:
        """Write ``{relative path: bytes}`` under the folder ``under`` (a language's root)."""
        for relative, content in files.items():
            self.path(relative, under).write_bytes(content)

    def keep(self, paths: Iterable[str]) -> None:
        """Keep these files of the target as they are, as if staged with the same bytes
        (``extract.site.memo``: pages whose inputs have not changed)."""
        self.kept.update(Path(relative) for relative in paths)

    def copy(self, files: Mapping[str, Path]) -> None:
        """Copy ``{relative path: source file}``; raises OSError when a source cannot be read."""
        for relative, source in files.items():
            shutil.copyfile(source, self.path(relative))


@contextmanager
def staged(target: Path, owned: Iterable[str] = ()) -> Iterator[Staging]:
    """Yield an empty staging folder beside ``target``; when the block ends without error,
    ``sync_tree`` it into ``target`` (see there for ``owned``). The staging folder is
    deleted either way."""
    staging = Staging(target.parent / f".{target.name}.staging")
    if staging.folder.exists():  # left by an interrupted build
        shutil.rmtree(staging.folder)
    staging.folder.mkdir(parents=True)
    try:
        yield staging
        staging.counts = sync_tree(staging.folder, target, owned, staging.kept)
    finally:
        shutil.rmtree(staging.folder, ignore_errors=True)


def sync_tree(staging: Path, target: Path, owned: Iterable[str] = (), kept: Iterable[Path] = ()) -> SyncCounts:
    """Make the generated part of ``target`` equal ``staging``.

    A staged file whose bytes differ from (or is missing in) ``target`` is moved there; one
    with the same bytes is left, keeping the target's modification time. Files under a
    top-level name of ``staging`` or of ``owned`` (names the generator may stop producing
    altogether) that were neither staged nor ``kept`` (relative paths of target files
    counted as staged unchanged) are removed, with the folders left empty. Everything
    else in ``target`` is left alone.
    """
    target.mkdir(parents=True, exist_ok=True)
    staged_files = {path.relative_to(staging) for path in staging.rglob("*") if path.is_file()}
    kept = set(kept) - staged_files
    written, unchanged = 0, len(kept)
    for relative in sorted(staged_files):
        source, destination = staging / relative, target / relative
        if destination.is_file() and filecmp.cmp(source, destination, shallow=False):
            unchanged += 1
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
        written += 1
    removed = 0
    for name in sorted({path.name for path in staging.iterdir()} | set(owned)):
        removed += _remove_unstaged(target, target / name, staged_files | kept)
    return SyncCounts(written, unchanged, removed)


def _remove_unstaged(target: Path, top: Path, staged_files: set[Path]) -> int:
    """Delete files below ``top`` (or ``top`` itself) not in ``staged_files``; then folders
    left empty. Returns the number of files deleted."""
    if top.is_file() or top.is_symlink():
        if top.relative_to(target) not in staged_files:
            top.unlink()
            return 1
        return 0
    if not top.is_dir():
        return 0
    removed = 0
    for path in sorted(top.rglob("*"), reverse=True):  # children before their folders
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif path.relative_to(target) not in staged_files:
            path.unlink()
            removed += 1
    if not any(top.iterdir()):
        top.rmdir()
    return removed
