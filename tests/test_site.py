"""Incremental site builds: a dirty build only when it equals a full one, for the Chinese
site and the English one built into its ``en/`` folder, as ``make build`` runs them."""

from __future__ import annotations

import os

import pytest

from extract.build import mkdocs_build as site

OLD = 1_000_000_000


@pytest.fixture
def project(tmp_path):
    """Two languages as in mkdocs.yml and mkdocs.en.yml: docs/ -> site/ (docs/en excluded)
    and docs/en/ -> site/en/, each with a fixed nav, no search plugin, and a static file."""
    docs = tmp_path / "docs"
    for folder, title in ((docs, "首页"), (docs / "en", "Home")):
        (folder / "doc").mkdir(parents=True)
        (folder / "index.md").write_text(f"# {title}\n\n[one](doc/one.md)\n", encoding="utf-8")
        (folder / "doc/one.md").write_text("# One\n\nfirst words\n", encoding="utf-8")
        (folder / "doc/moved").mkdir()
        (folder / "doc/moved/index.html").write_text('<meta http-equiv="refresh" content="0; url=../one/">', encoding="utf-8")
    common = "plugins: []\nnav:\n  - Home: index.md\n"
    zh, en = tmp_path / "mkdocs.yml", tmp_path / "mkdocs.en.yml"
    zh.write_text(f"site_name: t\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\nexclude_docs: |\n  /en/\n{common}", encoding="utf-8")
    en.write_text(f"site_name: t\ndocs_dir: {docs / 'en'}\nsite_dir: {tmp_path / 'site' / 'en'}\n{common}", encoding="utf-8")
    return zh, en, docs, tmp_path / "site"


def age_sources(docs):
    """Sources older than their output, as after a build."""
    for path in docs.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def test_dirty_only_when_equal_to_full(project):
    zh, _, docs, site_dir = project
    assert site.build_site(zh) is False, "no earlier build: full"
    age_sources(docs)
    built = os.stat(site_dir / "doc/one/index.html").st_mtime_ns
    (docs / "doc/two.md").write_text("# Two\n\nsecond words\n", encoding="utf-8")
    assert site.build_site(zh) is True
    assert (site_dir / "doc/two/index.html").is_file()
    assert os.stat(site_dir / "doc/one/index.html").st_mtime_ns == built, "unchanged page not rebuilt"
    (docs / "doc/two.md").unlink()
    assert site.build_site(zh) is False, "a page was removed: full"
    assert not (site_dir / "doc/two").exists()
    (docs / "doc/moved/index.html").unlink()
    assert site.build_site(zh) is False, "a static file was removed: full"
    assert not (site_dir / "doc/moved").exists()
    zh.write_text(zh.read_text(encoding="utf-8") + "  - One: doc/one.md\n", encoding="utf-8")
    assert site.build_site(zh) is False, "the nav changed: full"


def test_both_languages_build_dirty_and_a_full_chinese_build_makes_the_english_one_full(project):
    zh, en, docs, site_dir = project
    assert (site.build_site(zh), site.build_site(en)) == (False, False)
    age_sources(docs)
    (docs / "en/doc/two.md").write_text("# Two\n\nsecond words\n", encoding="utf-8")
    assert (site.build_site(zh), site.build_site(en)) == (True, True)
    assert (site_dir / "en/doc/two/index.html").is_file() and (site_dir / "en/doc/moved/index.html").is_file()

    assert site.build_site(zh, full=True) is False
    assert not (site_dir / "en").exists(), "the Chinese full build empties site/, en/ included"
    assert site.build_site(en) is False, "its state went with site/en/: full"
    assert (site_dir / "en/doc/one/index.html").is_file() and (site_dir / "en/doc/two/index.html").is_file()
    assert (site_dir / "en/doc/moved/index.html").is_file()


def test_both_languages_at_once_when_both_are_dirty_one_after_the_other_when_one_is_full(project):
    zh, en, docs, site_dir = project
    both = [(zh, None, None), (en, None, None)]
    assert site.build_sites(both) == [False, False]
    age_sources(docs)
    for folder in (docs, docs / "en"):
        (folder / "doc/two.md").write_text("# Two\n\nsecond words\n", encoding="utf-8")
    assert site.build_sites(both) == [True, True], "both incremental: the English one in a forked process"
    assert (site_dir / "doc/two/index.html").is_file() and (site_dir / "en/doc/two/index.html").is_file()
    assert (site_dir / "en/doc/one/index.html").is_file(), "the Chinese build left en/ alone"
    (docs / "doc/two.md").unlink()
    assert site.build_sites(both) == [False, False], "the Chinese build is full and empties site/, so the English one is full after it"
    assert not (site_dir / "doc/two").exists() and (site_dir / "en/doc/two/index.html").is_file()


def test_a_failed_build_in_a_forked_process_fails_the_whole(project, capfd):
    zh, en, docs, _ = project
    both = [(zh, None, None), (en, None, None)]
    site.build_sites(both)
    age_sources(docs)
    (docs / "en/doc/one.md").write_text("# One\n\n[gone](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(site.Abort, match="mkdocs.en.yml"):
        site.build_sites(both)
    assert "error: site not built: Aborted with 1 warnings in strict mode" in capfd.readouterr().err, "the forked build says why"


def test_the_command_takes_one_folder_per_config(project):
    zh, en, docs, _ = project
    with pytest.raises(SystemExit):
        site.main(["--config", str(zh), "--config", str(en), "--docs-dir", str(docs)])
