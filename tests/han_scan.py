"""Find Chinese text on a page that is not marked as Chinese (``lang="zh"``).

Used by the English-site tests: every interface string there must be English, and the
Chinese that remains (documents' own text, 文号, names without an English entry) must
sit inside an element whose ``lang`` is Chinese, so screen readers and search engines
know its language.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Attributes a reader sees or hears; the element's own lang covers them.
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "content")
# Elements whose content is no text of the page. <template>/<svg> hold no page text either.
SKIPPED = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, lang) of open elements
        self.found: list[str] = []

    def _lang(self) -> str:
        return next((lang for _, lang in reversed(self.stack) if lang is not None), "")

    def _skipping(self) -> bool:
        return any(tag in SKIPPED for tag, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        element_lang = lang if lang is not None else self._lang()
        if not self._skipping() and not element_lang.startswith("zh"):
            for name in READ_ATTRIBUTES:
                if HAN.search(values.get(name) or ""):
                    self.found.append(f"<{tag} {name}={values[name]!r}>")
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if HAN.search(data) and not self._skipping() and not self._lang().startswith("zh"):
            self.found.append(data.strip())


def unmarked_chinese(html: str) -> list[str]:
    """Text and read attributes holding Han characters outside any ``lang="zh…"`` element."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found
