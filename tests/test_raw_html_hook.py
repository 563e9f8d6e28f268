"""The raw-HTML hook passes a page through only where Python-Markdown (and mkdocs) would give
back the same HTML and the same anchors: checked against Python-Markdown itself, on tricky
bodies and on every page of the sample build in both languages."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from extract.build.mkdocs_build import build_site
from extract.build.raw_html_hook import plain_html_block, plain_html_page, put_back
from tests.conftest import REPO

# Bodies Python-Markdown gives back unchanged, and ones it rewrites (a tab expanded, a fence,
# a second block, markdown after the block, an inline first tag, a space-only line).
UNCHANGED = {
    "attributes, references, void and self-closing tags": '<div class="a" id="x"><p>a &amp; b &#39;c&#x27;</p><input name="n" hidden><br/><hr></div>',
    "nested blocks over lines": '<div><ul><li><a name="top" href="?a=1&b=2">x</a></li></ul>\n<table><tr><td>1</td></tr></table></div>',
    "a script's JSON": '<div><script type="application/json">{"a": 1}</script></div>',
}
REWRITTEN = {
    "tab": "<div>\ta</div>",
    "space-only line": "<div>a\n  \nb</div>",
    "fence": "<div>\n```\ncode\n```\n</div>",
    "two blocks": "<div>a</div><div>b</div>",
    "markdown after": "<div>a</div> *b*",
    "inline element": "<span>a</span>",
}
# Unchanged by Python-Markdown too, but outside what the hook can tell cheaply: refused.
DOUBTFUL = {
    "mis-nested tags": "<div><span><div></span></div>",
    "& without ;": "<div>a &amp b</div>",
    "> in text": "<div>a > b</div>",
    "comment": "<div><!-- c --></div>",
    "single-quoted attribute": "<div class='a'>x</div>",
    "unclosed li": "<div><ul><li>a</ul></div>",
    "upper-case tag": "<DIV>a</DIV>",
}


def python_markdown(body: str) -> str:
    """``body`` through Python-Markdown with the site's extensions (mkdocs.yml and mkdocs' own)."""
    return markdown.Markdown(extensions=["toc", "tables", "fenced_code"], extension_configs={"toc": {"permalink": True}}).convert(body)


@pytest.mark.parametrize("body", UNCHANGED.values(), ids=UNCHANGED.keys())
def test_passes_through_what_python_markdown_gives_back(body):
    assert python_markdown(f"\n{body}\n") == body
    assert plain_html_block(f"\n{body}\n") is not None


@pytest.mark.parametrize("body", REWRITTEN.values(), ids=REWRITTEN.keys())
def test_refuses_what_python_markdown_rewrites(body):
    assert python_markdown(f"\n{body}\n") != body
    assert plain_html_block(f"\n{body}\n") is None


@pytest.mark.parametrize("body", DOUBTFUL.values(), ids=DOUBTFUL.keys())
def test_refuses_what_it_cannot_vouch_for(body):
    assert plain_html_block(f"\n{body}\n") is None


def test_anchors_are_those_mkdocs_collects():
    body = '<div id="top"><a name="n">x</a><span name="not-an-anchor" id="a&amp;b"></span></div>'
    assert plain_html_block(body) == (body, {"top", "n", "a&b"})


@pytest.mark.parametrize("config, folder", [("mkdocs.yml", "docs"), ("mkdocs.en.yml", "docs/en")], ids=["zh", "en"])
def test_sample_pages_passed_through_equal_mkdocs_rendering(built_site: Path, config: str, folder: str):
    """Every page of the sample build the hook would pass through: mkdocs' own rendering (no
    hooks) gives the same HTML, anchors, title and table of contents as mkdocs' rendering of
    the hook's markdown with the blocks put back. The validity page and the type and year
    pages (headings and document tables) are among them."""
    site_config = load_config(str(REPO / config), docs_dir=str(built_site / folder), site_dir=str(built_site / "unused"))
    files = get_files(site_config)
    passed = []
    for file in files.documentation_pages():
        page = Page(None, file, site_config)
        page.read_source(site_config)
        found = plain_html_page(page.markdown)
        if found is None:
            continue
        hooked = Page(None, file, site_config)
        hooked.read_source(site_config)
        hooked.markdown, blocks, anchors = found
        hooked.render(site_config, files)
        page.render(site_config, files)
        assert (page.content, page.present_anchor_ids, page.title, str(page.toc)) == (
            put_back(hooked.content, blocks), hooked.present_anchor_ids | anchors, hooked.title, str(hooked.toc)), file.src_uri
        passed.append(file.src_uri)
    assert "validity/index.md" in passed
    assert {"types", "years"} <= {uri.split("/")[0] for uri in passed if not uri.endswith("index.md")}


def test_headings_and_blocks_equal_python_markdown():
    """Headings (with a link and an inline span) between blocks, one right after a block:
    Python-Markdown's rendering of the hook's markdown with the blocks put back is its
    rendering of the page."""
    body = ('# 标题\n\n<table id="t"><tr><td>1</td></tr></table>\n\n## [<span lang="zh">期</span> &#42;](../x/)\n\n'
            '<div><p>a</p></div>\n## 紧接\n\n\n## 标题\n\n<div>b</div>\n')
    markdown_text, blocks, anchors = plain_html_page(body)
    assert len(blocks) == 3 and anchors == {"t"}
    assert put_back(python_markdown(markdown_text), blocks) == python_markdown(body)


@pytest.mark.parametrize("body", ["# a <div>b</div>\n\n<div>c</div>", "# a <!-- b\n\n<div>-->c</div>", "text\n\n<div>c</div>",
                                  "# a\n## b\n\n<div>c</div>", "# only a heading", "# a gzrawhtmlblock0\n\n<div>c</div>"])
def test_pages_with_anything_else_are_left_alone(body):
    """Other tags in a heading, a paragraph, two lines in one part, no block, the placeholder word."""
    assert plain_html_page(body) is None


def test_a_site_built_with_the_hook_equals_one_built_without(tmp_path, monkeypatch):
    """The hook wired into mkdocs (``on_page_markdown`` holds the block, ``on_page_content``
    puts it back): the built pages are the same bytes as without it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the theme's build-date comment
    docs = tmp_path / "docs"
    docs.mkdir()
    block = '<div class="v"><h1 id="v">有效期</h1><table><tr><td><a href="../x/">x</a></td></tr></table></div>'
    (docs / "index.md").write_text("# Home\n\n[block](block.md)\n", encoding="utf-8")
    (docs / "block.md").write_text(f"---\ntitle: Block\n---\n\n{block}\n", encoding="utf-8")
    pages = {}
    for name, hooks in (("with", f"hooks:\n  - {REPO / 'extract/build/raw_html_hook.py'}\n"), ("without", "")):
        config = tmp_path / f"{name}.yml"
        config.write_text(f"site_name: t\ndocs_dir: {docs}\nsite_dir: {tmp_path / name}\nplugins: []\n{hooks}", encoding="utf-8")
        build_site(config, full=True)
        pages[name] = [(tmp_path / name / page).read_bytes() for page in ("block/index.html", "index.html")]
    assert pages["with"] == pages["without"]
    assert block.encode() in pages["with"][0]
