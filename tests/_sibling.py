"""Load another test module of the same folder as a module of helpers.

Some suites measure what others already measure (the export layout checks of
``tests/export/test_layout.py``, the JupyterLab page helpers of
``tests/explorer/test_sizes_browser.py``); they load that module once under a name of its own
rather than copy its functions.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def sibling(here: str, filename: str) -> ModuleType:
    """The test module ``filename`` in the folder of ``here`` (a ``__file__``), loaded once."""
    path = Path(here).with_name(filename)
    name = f"footmap_tests_{path.parent.name}_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
