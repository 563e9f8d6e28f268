"""Grammars of what official documents print: 文号, 令/公告 and registration numbers
(:mod:`extract.grammar.identifiers`) and dates (:mod:`extract.grammar.dates`).

The bottom layer beside :mod:`extract.model`: every stage (``extract.pdf``,
``extract.documents``, ``extract.site``) reads identifiers and dates through these modules,
and the browser's query parser is tested against them, so each form is written once.
"""
