"""Write a generated folder incrementally: render everything into a staging folder, then
move into the target only the files whose bytes changed and remove the files no longer
generated.

Unchanged files keep their modification time, so ``mkdocs build --dirty`` (which rebuilds
a page only when its source is newer than its output) rebuilds just the changed pages.
The renderer stays simple — it writes the whole site every time — and a failed render
leaves the target as it was. Writers hand their files to ``Staging.write`` (``{relative
path: bytes}``) and ``Staging.copy`` (``{relative path: source file}``), which check that
every path stays inside the staging folder. A file whose bytes the target already holds is
not written to the staging folder at all, only counted (``Staging.same``).

Which target files are no longer generated: with the list of files the last build left
(``previous``, from the render memo, :mod:`extract.site.memo`) those of them not staged now,
without walking the target; without it, every file under the generated names is looked at
(``os.scandir``: the docs tree of a large archive holds tens of thousands of files).
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Collection, Iterable, Iterator, Mapping
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
    """A staging ``folder`` being written for ``target``; ``counts`` once it has been synced.

    Relative paths (``/``-separated strings) of what it was given: ``staged``, written to
    the folder (new, or other bytes than the target's); ``same``, already in the target with
    these bytes; ``kept``, target files counted as unchanged without being given
    (``keep``)."""

    folder: Path
    target: Path
    counts: SyncCounts | None = None
    staged: set[str] = field(default_factory=set)
    same: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)

    def path(self, relative: str, under: str = "") -> str:
        """``under/relative`` checked: raises ValueError when a segment of ``relative`` is
        empty, ``.``, ``..`` or holds ``\\`` or NUL (``markup.safe_segment``), so no file
        lands outside the folder."""
        return "/".join([*(under.split("/") if under else ()), *(safe_segment(s) for s in relative.split("/"))])

    def _stage(self, relative: str, same: bool) -> Path | None:
        """Record ``relative`` as ``same`` as the target's or as staged; the staging path
        to write it to (parent folders made) when staged."""
        destination = self.folder / relative
        if same:
            self.same.add(relative)
            if relative in self.staged:  # written before with other bytes: this write wins
                self.staged.discard(relative)
                destination.unlink()
            return None
        self.same.discard(relative)
        self.staged.add(relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        return destination

    def write(self, files: Mapping[str, bytes], under: str = "") -> None:
        """Write ``{relative path: bytes}`` under the folder ``under`` (a language's root)."""
        for relative, content in files.items():
            relative = self.path(relative, under)
            destination = self._stage(relative, _holds(self.target / relative, content))
            if destination is not None:
                destination.write_bytes(content)

    def keep(self, paths: Iterable[str]) -> None:
        """Keep these files of the target as they are, as if staged with the same bytes
        (``extract.site.memo``: pages whose inputs have not changed)."""
        self.kept.update(paths)

    def copy(self, files: Mapping[str, Path]) -> None:
        """Copy ``{relative path: source file}``; raises OSError when a source cannot be read."""
        for relative, source in files.items():
            relative = self.path(relative)
            target = self.target / relative
            same = target.is_file() and filecmp.cmp(source, target, shallow=False)
            destination = self._stage(relative, same)
            if destination is not None:
                shutil.copyfile(source, destination)

    def files(self) -> set[str]:
        """Every file the target holds for this build once synced: staged, same and kept."""
        return self.staged | self.same | self.kept


def _holds(path: Path, content: bytes) -> bool:
    """Whether the file at ``path`` exists with exactly ``content`` (size first: most
    changed files change size)."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as file:
            return file.read() == content
    except OSError:  # missing, a folder, unreadable: write it
        return False


@contextmanager
def staged(target: Path, owned: Iterable[str] = (), previous: Collection[str] | None = None) -> Iterator[Staging]:
    """Yield an empty staging folder beside ``target``; when the block ends without error,
    sync it into ``target`` (``sync_tree``; see there for ``owned`` and ``previous``). The
    staging folder is deleted either way."""
    staging = Staging(target.parent / f".{target.name}.staging", target)
    if staging.folder.exists():  # left by an interrupted build
        shutil.rmtree(staging.folder)
    staging.folder.mkdir(parents=True)
    try:
        yield staging
        staging.counts = sync_tree(staging.folder, target, owned, staging.kept, staging, previous)
    finally:
        shutil.rmtree(staging.folder, ignore_errors=True)


def sync_tree(staging: Path, target: Path, owned: Iterable[str] = (), kept: Iterable[str] = (),
              given: Staging | None = None, previous: Collection[str] | None = None) -> SyncCounts:
    """Make the generated part of ``target`` equal ``staging``.

    A staged file whose bytes differ from (or is missing in) ``target`` is moved there; one
    with the same bytes is left, keeping the target's modification time. ``given`` is the
    ``Staging`` that wrote the folder, which already knows its files and which of them the
    target holds (without it the folder is walked and compared). Files under a top-level
    name of ``staging`` or of ``owned`` (names the generator may stop producing altogether)
    that were neither staged nor ``kept`` (relative paths of target files counted as staged
    unchanged) are removed, with the folders left empty: among ``previous`` (the relative
    paths the last build left in ``target``) when given, else among every file there.
    Everything else in ``target`` is left alone.
    """
    target.mkdir(parents=True, exist_ok=True)
    if given is None:
        given = Staging(staging, target)
        for relative in _walk(staging):
            given._stage(relative, filecmp.cmp(staging / relative, target / relative, shallow=False)
                         if (target / relative).is_file() else False)
    generated = given.files() | set(kept)
    written = 0
    for relative in sorted(given.staged):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, destination)
        written += 1
    tops = {relative.split("/", 1)[0] for relative in given.staged | given.same} | set(owned)
    if previous is None:
        previous = [relative for top in tops for relative in _walk(target, top)]
    removed = 0
    for relative in sorted(previous):
        if relative.split("/", 1)[0] in tops and relative not in generated:
            removed += _remove(target, relative)
    return SyncCounts(written, len(generated) - written, removed)


def _walk(root: Path, top: str = "") -> Iterator[str]:
    """Relative paths (``/``-separated) of the files and symlinks below ``root/top`` (or
    ``top`` itself when it is one); nothing when it does not exist."""
    path = os.path.join(root, top) if top else os.fspath(root)
    if os.path.islink(path) or os.path.isfile(path):
        yield top
        return
    try:
        entries = list(os.scandir(path))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        relative = f"{top}/{entry.name}" if top else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, relative)
        else:
            yield relative


def _remove(target: Path, relative: str) -> int:
    """Delete the file ``target/relative`` and the folders it leaves empty (up to
    ``target``); 1 when there was a file to delete, else 0."""
    try:
        os.unlink(target / relative)
    except FileNotFoundError:
        return 0
    parent = os.path.dirname(relative)
    while parent:
        try:
            os.rmdir(target / parent)
        except OSError:  # not empty (or gone)
            break
        parent = os.path.dirname(parent)
    return 1
