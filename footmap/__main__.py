"""``python -m footmap``: the same command as ``footmap``."""

import sys

from footmap.cli import main

sys.exit(main())
