"""The browser scripts' unit tests (``tests/js/*.test.mjs``) under ``node --test``: pure
functions of ``templates/assets/*.js`` imported as ES modules, without a browser."""

from __future__ import annotations

import subprocess

from tests import needs
from tests.conftest import REPO


def test_browser_scripts_pass_their_node_tests():
    node = needs.executable("node", "apt-get install nodejs")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout
