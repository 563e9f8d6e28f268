"""Laid-out pages -> typed documents: split, classify, tag, identifiers, validity rules."""
