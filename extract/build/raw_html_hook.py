"""mkdocs hook (``hooks:`` in mkdocs.yml): a page whose body is one block of plain HTML is
passed through instead of being parsed to give back the same text.

The validity page (:mod:`extract.site.validity_view`) is one ``<div>`` of HTML that grows with
the archive (2.5 MB at 240 issues, 3.1 MB in English). Python-Markdown hands such a block back
unchanged, but only after reading it with ``html.parser`` twice (its ``html_block``
preprocessor and mkdocs' anchor collector): 2.2-2.4 s per language, for every new issue. Here the
body is checked with regular expressions instead (~0.2 s), and when it passes,
mkdocs renders an empty body and the block is put back in ``on_page_content``, with the
anchors mkdocs would have collected from it.

A body passes (``plain_html_block``) only when Python-Markdown 3's ``HTMLExtractor`` stores
it whole as one raw block and nothing else in the configured extensions touches it:

* it is one element: a block-level start tag at the start of the first line whose end tag
  closes at the very end, with every tag in between closed in order (void elements and
  ``<x/>`` left open): then the extractor's tag stack, which also holds void elements and
  is popped to the nearest matching name, empties exactly at that last end tag;
* tags are lower-case names with double-quoted attribute values holding no ``<``, ``>`` or
  backtick, written as the parser's ``get_starttag_text`` gives them back (verbatim);
* text holds no ``<`` or ``>``, and ``&`` only in complete references (``&name;``,
  ``&#39;``, ``&#x27;``), which the extractor writes back as they were;
* no tab, carriage return, ``\\x00``, ``\\x02``/``\\x03`` (the stash's placeholder marks), blank
  or space-only line (``normalize_whitespace`` would rewrite them), and no run of three
  backticks or ``~~~``
  (``fenced_code`` runs before ``html_block``);
* the site's extensions are only ``toc``, ``tables`` and ``fenced_code`` (mkdocs' defaults and
  mkdocs.yml's): their tree processors never see a raw block.

The page's title comes from its front matter either way (a raw ``<h1>`` is not seen by
mkdocs), and its table of contents is empty either way. ``tests/test_raw_html_hook.py``
checks the equality against Python-Markdown on the sample build's pages. Zensical runs no
hooks and builds the same page the slow way.
"""

from __future__ import annotations

import html
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

SAFE_EXTENSIONS = frozenset({"toc", "tables", "fenced_code"})
# HTML's void elements: no end tag, so never open.
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})

TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?: [a-z][-a-z0-9_:.]*(?:="[^"<>`]*")?)*)(/?)>')
ATTRIBUTE = re.compile(r' ([a-z][-a-z0-9_:.]*)(=?)(?:"([^"]*)")?')
REFERENCE = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
# Anywhere in the block: what normalize_whitespace or fenced_code would rewrite, the stash's
# placeholder marks, and the NUL that stands for a tag below.
REWRITTEN = ("\t", "\r", "\x00", "\x02", "\x03", "```", "~~~")
BLANK_LINE = re.compile(r"\n *\n")

# src_uri -> (the block, its anchors), from on_page_markdown to on_page_content.
_held: dict[str, tuple[str, set[str]]] = {}


def plain_html_block(body: str) -> tuple[str, set[str]] | None:
    """``(block, anchors)`` when ``body`` (a page's markdown after its front matter) is one
    element of plain HTML that Python-Markdown returns unchanged (rules in the module
    docstring): ``block`` is the body without its surrounding newlines, ``anchors`` the ids
    (and ``<a name>``) mkdocs' raw-HTML anchor collector would find. None otherwise."""
    block = body.strip("\n")
    if any(mark in block for mark in REWRITTEN) or BLANK_LINE.search(block):
        return None
    # [text, closing, name, attributes, self-closing, text, …]: one pass for tags and text.
    parts = TAG.split(block)
    last = len(parts) - 5  # the index of the last tag's `closing`
    if last < 6 or parts[0] or parts[-1]:
        return None
    if parts[1] or parts[4] or parts[2] not in BLOCK_LEVEL_ELEMENTS or not parts[last] or parts[last + 1] != parts[2]:
        return None
    text = "\x00".join(parts[::5])  # attributes may hold & (given back verbatim); text only references
    if "<" in text or ">" in text or text.count("&") != len(REFERENCE.findall(text)):
        return None
    stack: list[str] = []
    anchors: set[str] = set()
    for index in range(1, len(parts), 5):
        closing, name, attributes, self_closing = parts[index:index + 4]
        if closing:
            if attributes or self_closing or not stack or stack.pop() != name or (not stack and index != last):
                return None
        elif not self_closing and name not in VOID_TAGS:
            stack.append(name)
        if "id=" in attributes or "name=" in attributes:
            for key, equals, value in ATTRIBUTE.findall(attributes):
                if key == "id" or (key == "name" and name == "a"):
                    if not equals:
                        return None  # an anchor without a value: the collector would record None
                    anchors.add(html.unescape(value))
    return (block, anchors) if not stack else None


def on_page_markdown(markdown: str, page, config, files) -> str:
    """An empty body for mkdocs to render when the page is one plain HTML block (held back
    for ``on_page_content``); else ``markdown`` unchanged."""
    _held.pop(page.file.src_uri, None)  # left by a build of this process that stopped in between
    if not set(config["markdown_extensions"]) <= SAFE_EXTENSIONS:
        return markdown
    found = plain_html_block(markdown)
    if found is None:
        return markdown
    _held[page.file.src_uri] = found
    return ""


def on_page_content(content: str, page, config, files) -> str:
    """The held block in place of the empty body's rendering, its anchors added to the page's."""
    held = _held.pop(page.file.src_uri, None)
    if held is None:
        return content
    block, anchors = held
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return block
