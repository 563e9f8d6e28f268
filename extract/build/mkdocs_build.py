"""Build the site with mkdocs, rebuilding only changed pages when that gives the same site.

``python -m extract.build.mkdocs_build [--config mkdocs.yml ...] [--docs-dir DIR ...] [--site-dir DIR ...] [--full]``
(the folders override the configs', one per config when given; ``make build`` runs it after
the extractor with both languages' configs). mkdocs' ``--dirty`` mode rebuilds a page only when its
markdown is newer than its HTML, and copies a static file only when it is newer; the
extractor rewrites only changed files (see ``staging``), so after adding one issue only that
issue's pages and the index pages that list it are rebuilt. That equals a full build when:

* the configuration (nav, theme, plugins, hooks, extra CSS/JS) and the mkdocs and theme
  versions are those of the last build — they shape every page: recorded in ``<site_dir>/.build.json``;
* no file was removed from the docs folder since the last build — a dirty build would leave
  its output behind and not re-check links to it: the list of files is recorded too.

The site's search index is written by the extractor as static files (:mod:`extract.site.search`),
so no index is built by mkdocs and none needs merging after a dirty build.

Otherwise (or with ``--full``) it is a full, clean build. A full build of the Chinese site
empties ``site/``, including ``site/en/`` and the English build's state file there, so the
English build that follows is full too: several configs are built one after the other
when any of them is full. When every one can be dirty, none cleans a folder another writes
into, so they are built at the same time, the later ones in forked processes (one core
each: a +1 build's two languages take the time of the longer). Both are ``--strict``: mkdocs' own warning that a
dirty build may be inaccurate is dropped, since the rules above are what make it accurate
here. The site's nav is fixed in ``mkdocs.yml``; document pages are not in it, which is
what keeps their HTML independent of one another.

Exit status: 0 when built; 1 when mkdocs aborts (its messages say why).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import multiprocessing
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import Files

STATE_FILE = ".build.json"
DIRTY_WARNING = "A 'dirty' build is being performed"


def config_fingerprint(config_file: Path, hooks: tuple[Path, ...] = ()) -> str:
    """SHA-256 over the config file, each file it INHERITs from, mkdocs and theme versions,
    and the source of the config's ``hooks`` (they shape pages too)."""
    digest = hashlib.sha256(f"mkdocs {version('mkdocs')} material {version('mkdocs-material')}".encode())
    for hook in hooks:
        digest.update(hook.read_bytes())
    path: Path | None = config_file.resolve()
    while path is not None:
        text = path.read_text(encoding="utf-8")
        digest.update(text.encode())
        parent = next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("INHERIT:")), None)
        path = (path.parent / parent).resolve() if parent else None
    return digest.hexdigest()


def docs_files(files: Files, docs_dir: Path) -> list[str]:
    """The docs folder's files in mkdocs' own collection (pages and static files, the excluded
    ones too), as sorted relative paths; hidden ones left out, as mkdocs leaves them out of the
    site, and theme or generated files, which are not in the docs folder."""
    return sorted(
        file.src_uri
        for file in files
        if file.src_dir == str(docs_dir) and not any(part.startswith(".") for part in file.src_uri.split("/"))
    )


def can_build_dirty(site_dir: Path, docs_dir: Path, fingerprint: str) -> bool:
    """True when the last build's state says a dirty build now equals a full one: the same
    configuration fingerprint, and every file of the last build still in ``docs_dir``
    (a stat per file, no walk of the folder: mkdocs walks it once itself)."""
    try:
        state = json.loads((site_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    root = str(docs_dir)
    return state.get("config") == fingerprint and all(os.path.isfile(os.path.join(root, name)) for name in state.get("files", ()))


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class SiteBuild:
    """One site to build: its loaded ``config`` (folders overridden, ``--strict``), the
    ``fingerprint`` of its configuration, and whether a ``dirty`` build would equal a full one."""

    config: MkDocsConfig
    fingerprint: str
    dirty: bool


def prepare(config_file: Path, full: bool = False, docs_dir: Path | None = None, site_dir: Path | None = None) -> SiteBuild:
    """Load ``config_file`` with ``docs_dir`` and ``site_dir`` overriding its folders when
    given, and decide from the last build's state whether it can be built dirty (never with
    ``full``). Raises ``mkdocs.exceptions.ConfigurationError`` for a bad configuration."""
    folders = {name: str(value) for name, value in (("docs_dir", docs_dir), ("site_dir", site_dir)) if value}
    config = load_config(str(config_file), strict=True, **folders)
    fingerprint = config_fingerprint(config_file, tuple(Path(module.__file__) for module in config["hooks"].values()))
    dirty = not full and can_build_dirty(Path(config.site_dir), Path(config.docs_dir), fingerprint)
    return SiteBuild(config, fingerprint, dirty)


def run(site: SiteBuild) -> bool:
    """Build a prepared site; returns ``site.dirty``. Raises ``mkdocs.exceptions.Abort`` when
    mkdocs aborts (``--strict`` warnings included)."""
    config, site_dir, docs_dir = site.config, Path(site.config.site_dir), Path(site.config.docs_dir)
    # Until this build succeeds, the next one must be full: pages an aborted (--strict)
    # build wrote are newer than their sources, so a dirty build would not check them again.
    (site_dir / STATE_FILE).unlink(missing_ok=True)
    quiet = _DropDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    built: list[str] = []

    def record_files(files: Files, config: MkDocsConfig) -> Files:
        # mkdocs' `files` event, last of all (after the hooks'): the list it walked the
        # docs folder for, so the state needs no walk of its own.
        built[:] = docs_files(files, docs_dir)
        return files

    config.plugins.events["files"].append(record_files)
    try:
        build(config, dirty=site.dirty)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    (site_dir / STATE_FILE).write_text(json.dumps({"config": site.fingerprint, "files": built}), encoding="utf-8")
    return site.dirty


def build_site(config_file: Path, full: bool = False, docs_dir: Path | None = None, site_dir: Path | None = None) -> bool:
    """Build the site of ``config_file``, from ``docs_dir`` into ``site_dir`` when given (else
    the config's folders); returns True when the build was dirty (incremental). Raises
    ``mkdocs.exceptions.Abort`` when mkdocs aborts (``--strict`` warnings included)."""
    return run(prepare(config_file, full, docs_dir, site_dir))


def _run_in_child(site: SiteBuild) -> None:
    # A forked process's whole work: its exit status says whether the build succeeded.
    try:
        run(site)
    except (Abort, ConfigurationError) as error:
        print(f"error: site not built: {error}", file=sys.stderr)
        sys.exit(1)


def build_sites(sites: Sequence[tuple[Path, Path | None, Path | None]], full: bool = False) -> list[bool]:
    """Build each ``(config file, docs_dir or None, site_dir or None)`` in order, as
    ``build_site`` does; returns whether each build was dirty. When every one can be dirty
    (module docstring) the later ones run in forked processes while this one builds the
    first. Raises ``mkdocs.exceptions.Abort`` when a build aborts (a forked build's own
    messages say why)."""
    prepared = [prepare(config_file, full, docs_dir, site_dir) for config_file, docs_dir, site_dir in sites]
    if len(prepared) > 1 and all(site.dirty for site in prepared) and "fork" in multiprocessing.get_all_start_methods():
        children = [multiprocessing.get_context("fork").Process(target=_run_in_child, args=(site,)) for site in prepared[1:]]
        for child in children:
            child.start()
        try:
            run(prepared[0])
        finally:
            for child in children:
                child.join()
        failed = [str(site.config.config_file_path) for site, child in zip(prepared[1:], children) if child.exitcode != 0]
        if failed:
            raise Abort(f"the build of {', '.join(failed)} failed")
        return [True] * len(prepared)
    # A full build may empty a later site's folder, its state file with it: each later site
    # is prepared only once the builds before it are done.
    return [run(prepared[0])] + [build_site(config_file, full, docs_dir, site_dir) for config_file, docs_dir, site_dir in sites[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.build.mkdocs_build", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, action="append", help="mkdocs config, repeated for several sites in build order (default mkdocs.yml)")
    parser.add_argument("--docs-dir", type=Path, action="append", help="build from this folder instead of the config's docs_dir (one per --config)")
    parser.add_argument("--site-dir", type=Path, action="append", help="build into this folder instead of the config's site_dir (one per --config)")
    parser.add_argument("--full", action="store_true", help="always make a full, clean build")
    args = parser.parse_args(argv)
    configs = args.config or [Path("mkdocs.yml")]
    for name, folders in (("--docs-dir", args.docs_dir), ("--site-dir", args.site_dir)):
        if folders and len(folders) != len(configs):
            parser.error(f"give {name} once per --config ({len(configs)}), or not at all")
    handler = logging.StreamHandler()  # mkdocs' messages only, as its own command line shows them
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING)
    try:
        dirty = build_sites(list(zip(configs, args.docs_dir or [None] * len(configs), args.site_dir or [None] * len(configs))), args.full)
    except (Abort, ConfigurationError) as error:
        print(f"error: site not built: {error}", file=sys.stderr)
        return 1
    for config_file, was_dirty in zip(configs, dirty):
        print(f"{config_file}: site built ({'incremental' if was_dirty else 'full'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
