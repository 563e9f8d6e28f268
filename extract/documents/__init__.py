"""Laid-out pages -> typed documents: split, classify, tag, validity rules, page accounting."""
