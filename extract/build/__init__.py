"""Running it: command line, batch extraction, cache, the mkdocs builder and hooks."""
