"""PDF -> laid-out pages: reading glyphs, repairing text, judging its quality, layout."""
