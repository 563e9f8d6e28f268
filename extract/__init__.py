"""Extract the documents of a 温州市人民政府公报 issue PDF and render them as a static site.

Stages live one per module (``read``, ``layout``, ``split``, ``classify``, ``tag``,
``render``); ``pipeline`` runs them in order and ``cli`` is the command line
(``python -m extract build SRC_DIR --docs DOCS``).
"""
