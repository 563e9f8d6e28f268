"""``python -m extract``: see :mod:`extract.build.cli`."""

from extract.build.cli import main

raise SystemExit(main())
