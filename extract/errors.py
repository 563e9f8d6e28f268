"""Errors the pipeline raises for input it cannot use."""

from __future__ import annotations

from pathlib import Path


class ExtractionError(Exception):
    """A PDF (or one of its pages) cannot be extracted.

    ``str(error)`` is one line naming the file, the 1-based page when known, what went wrong
    and what to do about it — what editors see without a traceback.
    """

    def __init__(self, path: Path, page: int | None, message: str):
        self.path = Path(path)
        self.page = page
        self.message = message
        where = f"{self.path.name}, page {page}" if page else self.path.name
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Raised in a worker process, it is pickled to reach the calling one.
        return type(self), (self.path, self.page, self.message)
