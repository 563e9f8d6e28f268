"""``python -m extract``: see :mod:`extract.build.cli`."""

import gc

gc.disable()  # until the imports are done: see tune_garbage_collector

from extract.build.cli import main, tune_garbage_collector  # noqa: E402

tune_garbage_collector()
raise SystemExit(main())
