"""``python -m extract``: see :mod:`extract.build.cli`."""

from extract.build.cli import main, tune_garbage_collector

tune_garbage_collector()
raise SystemExit(main())
