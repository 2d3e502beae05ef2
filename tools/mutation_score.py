"""Print the mutation score of the core modules from mutmut's results (after `dev.py mutate`).

Reads ``mutmut results --all`` and counts, per module, the mutants that were killed, survived,
ran into a timeout or reached no test. The score is killed (timeouts count as killed: the
mutant hung the tests) over all mutants that ran; of footmap/atomic.py only the atomic write's
body (``_write_atomically``, which ``atomic_write`` delegates to) is core, the rest is left out.

    .venv/bin/python tools/mutation_score.py           # the table
    .venv/bin/python tools/mutation_score.py --list    # plus every surviving mutant's name
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"
#: mutants of these functions only, for modules that are core only in part
PARTS = {"footmap.atomic": re.compile(r"^footmap\.atomic\.x__write_atomically__mutmut_\d+$")}
KILLED = {"killed", "timeout", "caught by type check"}


def results() -> list[tuple[str, str]]:
    """(mutant name, status) for every mutant mutmut knows."""
    out = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("footmap."):
            found.append((name, status))
    return found


def module_of(name: str) -> str:
    """``footmap.chart`` of ``footmap.chart.x_f__mutmut_1`` or ``footmap.chart.xǁChartǁf__...``."""
    match = re.match(r"^(.*?)\.x[_\u01c1]", name)
    return match.group(1) if match else name.rsplit(".", 1)[0]


def main(argv: list[str]) -> int:
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors = []
    for name, status in results():
        module = module_of(name)
        part = PARTS.get(module)
        if part is not None and not part.match(name):
            continue
        by_module[module][status] += 1
        if status not in KILLED and status not in ("not checked", "skipped"):
            survivors.append((name, status))
    total: Counter[str] = Counter()
    print(f"{'module':24s} {'mutants':>8s} {'killed':>8s} {'survived':>9s} {'no tests':>9s} score")
    for module in sorted(by_module):
        counts = by_module[module]
        total.update(counts)
        print(_row(module, counts))
    print(_row("total", total))
    if "--list" in argv:
        for name, status in survivors:
            print(f"  {status:10s} {name}")
    return 0


def _row(label: str, counts: Counter[str]) -> str:
    killed = sum(counts[s] for s in KILLED)
    ran = killed + counts["survived"] + counts["no tests"] + counts["suspicious"]
    score = f"{100 * killed / ran:5.1f}%" if ran else "  -"
    return (
        f"{label:24s} {ran:8d} {killed:8d} {counts['survived']:9d} {counts['no tests']:9d} {score}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
