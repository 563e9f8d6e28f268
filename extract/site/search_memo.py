"""The last build's search shards, for a build that only adds issues to extend them
(:func:`extract.site.search.appended_shards`) instead of making every shard again.

After the build has synced ``docs/``, the record keeps the shards' ``ShardState`` (settings,
each issue's key, each document's weighted length, shard count, total entry length) and
each shard file as it was left (size and modification time in ns). The next build offers
the files as ``PreviousShards`` only when every one of them is still in ``docs/`` as left;
a file touched or missing, or a record that cannot be read, and every shard is
made from the term cache. The record lives beside ``docs/``
(``.<docs>.search-memo.json``), out of mkdocs' way, and is replaced atomically.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from extract.site.search import PreviousShards, ShardState, shard_path

MEMO_VERSION = 1


def _stat(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


class ShardMemo:
    """The record of the shards under ``docs_dir``; with ``read=False`` no previous shards
    are offered (the record is still saved for the next build)."""

    def __init__(self, docs_dir: Path, read: bool = True):
        self.docs_dir = docs_dir
        self.path = docs_dir.parent / f".{docs_dir.name}.search-memo.json"
        self.read = read

    def _file(self, n: int) -> Path:
        return self.docs_dir.joinpath(*shard_path(n))

    def previous(self) -> PreviousShards | None:
        """The shards the last build left, when the record reads and each of its files is
        in ``docs_dir`` as that build left it; else None."""
        if not self.read:
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data["version"] != MEMO_VERSION:
                return None
            state = ShardState(data["settings"], tuple(data["keys"]), tuple(data["lengths"]), data["shard_count"], data["total"])
            files = data["files"]
            if len(files) != state.shard_count:
                return None
            for n in range(state.shard_count):
                if _stat(self._file(n)) != files[str(n)]:
                    return None
        except (OSError, ValueError, KeyError, TypeError):  # none yet, unreadable, or a file gone
            return None
        return PreviousShards(state, lambda n: self._file(n).read_text(encoding="utf-8"))

    def save(self, state: ShardState | None) -> None:
        """Record ``state`` and the shard files as they now are in ``docs_dir`` (after the
        build has synced it); with no ``state``, remove the record. An unwritable record is
        ignored: the next build makes every shard."""
        try:
            if state is None:
                self.path.unlink(missing_ok=True)
                return
            files = {str(n): _stat(self._file(n)) for n in range(state.shard_count)}
            record = {"version": MEMO_VERSION, "settings": state.settings, "keys": list(state.keys),
                      "lengths": list(state.lengths), "shard_count": state.shard_count, "total": state.total, "files": files}
            partial = self.path.with_name(self.path.name + ".tmp")
            partial.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            pass
