"""``python -m footmap``: the same command as ``footmap``."""

import sys

from .cli import main

sys.exit(main())
