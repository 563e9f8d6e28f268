"""``python -m extract``: see :mod:`extract.build.cli`."""

import gc

gc.disable()  # until the imports are done: see tune_garbage_collector

from extract.build.cli import run  # noqa: E402

raise SystemExit(run())
