"""mkdocs hook (``hooks:`` in mkdocs.yml): the blocks of plain HTML of a page made of such
blocks and one-line ``#`` headings are passed through instead of being parsed to give back
the same text.

The validity page (:mod:`extract.site.validity_view`) is one ``<div>`` of HTML that grows with
the archive (2.5 MB at 240 issues, 3.1 MB in English). Python-Markdown hands such a block back
unchanged, but only after reading it with ``html.parser`` twice (its ``html_block``
preprocessor and mkdocs' anchor collector): 2.2-2.4 s per language, for every new issue. Here the
body is checked with regular expressions instead (~0.2 s), and when it passes,
mkdocs renders the body with a placeholder paragraph in the block's place and the block is
put back there in ``on_page_content``, with the anchors mkdocs would have collected from it.
The type and year pages' document tables (``templates/partials/doc_list.html.j2``) are written
as HTML for this: as markdown tables they cost 4 s (zh) and 8-10 s (en) per +1 build at 240
issues.

A page passes (``plain_html_page``) when its body, split at blank lines, is a sequence of
plain HTML blocks (below), each perhaps followed by heading lines, and one-line ATX
headings (``#`` to ``######`` and a space; tags only ``<span>``, ``<a>``, ``<em>``,
``<strong>``, ``<code>``), with at least one block. Python-Markdown's ``html_block`` preprocessor puts such a block in
its stash and leaves a placeholder line in its place, which the block parser makes a
top-level ``<p>`` of its own and ``RawHtmlPostprocessor`` replaces, ``<p>`` and all (the
block's first tag is block-level), by the block (and a newline when a blank line follows
it: ``HTMLExtractor.handle_endtag``; a heading line right after it starts a block of its
own). The hook's placeholder (a word absent from
the body) takes the same way: its own ``<p>``, replaced by the block. The headings are
rendered by Python-Markdown either way, and nothing they give depends on a raw block: a line
starting with ``#`` never opens a raw block (``at_line_start``), ``toc`` does not see raw
blocks (their ids are in neither rendering's tree), and mkdocs' title and table of contents
come from the same headings.

A block passes (``plain_html_block``) only when Python-Markdown 3's ``HTMLExtractor`` stores
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

A raw ``<h1>`` is not seen by mkdocs either way (the title then comes from the front
matter). ``tests/test_raw_html_hook.py`` checks the equality against Python-Markdown on the
sample build's pages. Zensical runs no hooks and builds the same page the slow way.
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
# A body's parts: blank lines (kept, split on) and what lies between them.
BLANK_LINES = re.compile(r"(\n(?: *\n)+)")
HEADING = re.compile(r"#{1,6} [^\n]*")
# The only tags a heading may hold: inline ones, which the extractor gives back as text (no
# comment, no <script>-like element whose content it would read as raw text).
HEADING_TAGS = frozenset({"span", "a", "em", "strong", "code"})
# The placeholder paragraph of a page's n-th block; a page holding the word is left alone.
PLACEHOLDER = "gzrawhtmlblock"

# src_uri -> (the blocks, their anchors), from on_page_markdown to on_page_content.
_held: dict[str, tuple[list[str], set[str]]] = {}


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


def plain_html_page(body: str) -> tuple[str, list[str], set[str]] | None:
    """``(markdown, blocks, anchors)`` when ``body`` (a page's markdown after its front matter)
    is plain HTML blocks (each perhaps followed by ``#`` heading lines) and one-line ``#``
    headings between blank lines, at least one block
    (rules in the module docstring): ``markdown`` is ``body`` with the n-th block replaced by
    the word ``placeholder(n)``, ``blocks`` the blocks in order as Python-Markdown writes
    them (``plain_html_block``, a newline after all but the last part), ``anchors`` their
    ids. None otherwise (the body is then rendered as it is)."""
    if PLACEHOLDER in body:
        return None
    parts = BLANK_LINES.split(body.strip("\n"))
    blocks: list[str] = []
    anchors: set[str] = set()
    for index in range(0, len(parts), 2):  # odd indexes: the blank lines between
        if plain_heading(parts[index]):
            continue
        # A block may be followed by heading lines with no blank line between.
        lines = parts[index].split("\n")
        end = len(lines)
        while end > 1 and plain_heading(lines[end - 1]):
            end -= 1
        found = plain_html_block("\n".join(lines[:end]))
        if found is None:
            return None
        parts[index] = "\n\n".join([placeholder(len(blocks)), *lines[end:]])
        # The extractor keeps a newline after a block followed by a blank line (not after one
        # followed by a line); after the last part it is stripped with the end of the output
        # (Markdown.convert).
        blocks.append(found[0] + ("\n" if end == len(lines) and index < len(parts) - 1 else ""))
        anchors |= found[1]
    return ("".join(parts) + "\n", blocks, anchors) if blocks else None


def plain_heading(line: str) -> bool:
    """Whether ``line`` is a one-line ATX heading whose only tags are ``HEADING_TAGS``, with
    nothing ``REWRITTEN`` (module docstring)."""
    if not HEADING.fullmatch(line) or any(mark in line for mark in REWRITTEN):
        return False
    names = [match[2] for match in TAG.finditer(line)]
    return set(names) <= HEADING_TAGS and line.count("<") == len(names) and line.count(">") == len(names)


def placeholder(index: int) -> str:
    """The word standing for a page's ``index``-th (0-based) block in the markdown mkdocs renders."""
    return f"{PLACEHOLDER}{index}"


def put_back(content: str, blocks: list[str]) -> str:
    """``content`` (mkdocs' rendering of ``plain_html_page``'s markdown) with each block in
    place of its placeholder paragraph; raises ValueError if a paragraph is not found once."""
    for index, block in enumerate(blocks):
        paragraph = f"<p>{placeholder(index)}</p>"
        if content.count(paragraph) != 1:
            raise ValueError(f"raw_html_hook: {paragraph} is not once in the rendered page")
        content = content.replace(paragraph, block)
    return content


def on_page_markdown(markdown: str, page, config, files) -> str:
    """``plain_html_page``'s markdown, its blocks held back for ``on_page_content``, when the
    page passes; else ``markdown`` unchanged."""
    _held.pop(page.file.src_uri, None)  # left by a build of this process that stopped in between
    if not set(config["markdown_extensions"]) <= SAFE_EXTENSIONS:
        return markdown
    found = plain_html_page(markdown)
    if found is None:
        return markdown
    _held[page.file.src_uri] = found[1:]
    return found[0]


def on_page_content(content: str, page, config, files) -> str:
    """The held blocks in place of their placeholders, their anchors added to the page's."""
    held = _held.pop(page.file.src_uri, None)
    if held is None:
        return content
    blocks, anchors = held
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return put_back(content, blocks)
