#!/usr/bin/env python3
"""Set up footmap and run it: the README's two commands.

    python3 dev.py lab     # set up, then open JupyterLab on the explorer notebook
    python3 dev.py test    # set up (incl. Chromium for the browser test), then run every test
    python3 dev.py fast    # the fast suite only (not slow, not browser), under a minute
    python3 dev.py mutate  # mutation testing of the core modules (slow; see docs/testing.md)
    python3 dev.py bench   # set up plus geopandas, then run bench/benchmark.py (args go to it)
    python3 dev.py voila   # set up, then serve the teaching notebook as a Voila presentation

Needs only Python 3.10+, pip and (for the browser test) apt. Everything goes into ``.venv``
beside this file; it is (re)installed only when pyproject.toml changes. Extra arguments after
``test`` or ``fast`` go to pytest (``python3 dev.py test -k explorer``); after ``lab``, to
JupyterLab; after ``mutate``, to ``mutmut run`` (mutant names, e.g. ``"footmap.chart.loader.*"``).
``test`` prints branch coverage of the ``footmap`` package (``--no-cov`` turns it off; ``fast``
measures none unless given ``--cov``); both run on every core with pytest-xdist (``-n 0``
runs in one process).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "notebooks/explore.ipynb"


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def run(*cmd: str | os.PathLike[str], **kw: object) -> None:
    say(" ".join(map(str, cmd)))
    subprocess.run(list(map(str, cmd)), check=True, **kw)  # type: ignore[call-overload]


def apt_install(*packages: str) -> None:
    """Install Debian packages with apt-get (as root, or through sudo)."""
    if shutil.which("apt-get") is None:
        sys.exit(f"[dev] please install {' '.join(packages)} (no apt-get on this machine)")
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        sys.exit(f"[dev] please install {' '.join(packages)} as root: apt-get install {packages}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", *packages, env=env)


def ensure_venv(extra: str) -> None:
    """Create .venv and install footmap with ``extra`` unless already up to date."""
    if not PY.exists():
        say(f"creating {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError):
            # Debian's python3 ships venv's pip support separately.
            apt_install(f"python3.{sys.version_info.minor}-venv")
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".footmap-{extra}-{digest}"
    if stamp.exists():
        return
    run(PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "-q", "-e", f".[{extra}]", cwd=ROOT)
    # bytecode now, as pip does for a regular install (an editable one is left as source;
    # where PYTHONDONTWRITEBYTECODE is set, each start would otherwise compile footmap)
    run(PY, "-m", "compileall", "-q", str(ROOT / "footmap"))
    for old in VENV.glob(".footmap-*"):
        old.unlink()
    stamp.touch()
    # the dev extra includes the test extra, which includes the lab extra
    for included in {"dev": ("test", "lab"), "test": ("lab",)}.get(extra, ()):
        (VENV / f".footmap-{included}-{digest}").touch()


def lab(args: list[str]) -> int:
    ensure_venv("lab")
    cmd = [str(PY), "-m", "jupyter", "lab", NOTEBOOK, *args]
    if os.name != "nt" and os.geteuid() == 0 and "--allow-root" not in args:
        cmd.append("--allow-root")
    say(" ".join(cmd))
    os.chdir(ROOT)
    os.execv(cmd[0], cmd)  # replaces this process; JupyterLab prints its URL


#: pytest options of ``test`` and ``fast``: coverage with branches, every core.
COVERAGE = ["--cov=footmap", "--cov-branch", "--cov-report=term"]
PARALLEL = ["-n", "auto", "--dist", "loadgroup"]
#: The fast suite: what CI and every commit must keep under a minute.
FAST = ["-m", "not slow and not browser"]


def _pytest_args(args: list[str], coverage: bool = True) -> list[str]:
    """``args`` plus coverage (if ``coverage``) and xdist, unless the caller chose otherwise."""
    chosen = any(a in ("--no-cov", "--cov") or a.startswith("--cov=") for a in args)
    extra = COVERAGE if coverage and not chosen else []
    if not any(a == "-n" or a.startswith(("-n=", "--numprocesses")) for a in args):
        extra = extra + PARALLEL
    return [*extra, *args]


def voila(args: list[str]) -> int:
    """Serve the teaching notebook with Voila; voila.json here hides the ``teacher`` cells."""
    ensure_venv("lab")
    cmd = [str(BIN / "voila"), "notebooks/teaching.ipynb", *args]
    say(" ".join(cmd))
    os.chdir(ROOT)  # Voila reads voila.json from the directory it is started in
    os.execv(cmd[0], cmd)


def _pytest_env() -> dict[str, str]:
    """The environment for pytest: bytecode caches allowed.

    pytest rewrites every test module's asserts and keeps the result only where bytecode may
    be written; with ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines and sandboxes)
    each run and each xdist worker would rewrite and compile all of them again (about
    10 s of a fast run on two cores).
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def test(args: list[str]) -> int:
    ensure_venv("test")
    if not CHROMIUM.exists():
        say("installing Debian's Chromium for the real-browser test")
        apt_install("chromium")
    run(PY, "-m", "ruff", "check", ".", cwd=ROOT)
    run(PY, "-m", "ruff", "format", "--check", ".", cwd=ROOT)
    run(PY, "-m", "mypy", "footmap", cwd=ROOT)
    env = _pytest_env()
    if args:  # a chosen subset: one run
        cmd = [str(PY), "-m", "pytest", *_pytest_args(args)]
        say(" ".join(cmd))
        return subprocess.run(cmd, cwd=ROOT, env=env).returncode
    # Everything: the library, CLI and notebook tests on every core, then the real-browser
    # tests alone in one process (they drive JupyterLab, Voila and Chromium, and time out
    # when the other tests take the CPU away from their kernels).
    first = [str(PY), "-m", "pytest", *_pytest_args(["-m", "not browser"])]
    say(" ".join(first))
    code = subprocess.run(first, cwd=ROOT, env=env).returncode
    cov = [] if "--cov" not in " ".join(_pytest_args([])) else ["--cov-append"]
    second = [str(PY), "-m", "pytest", *_pytest_args(["-m", "browser", "-n", "0", *cov])]
    say(" ".join(second))
    return subprocess.run(second, cwd=ROOT, env=env).returncode or code


def fast(args: list[str]) -> int:
    ensure_venv("test")
    # no coverage by default: measuring it (in every CLI and kernel subprocess too) adds
    # about two thirds to the run; `dev.py test` measures and prints it
    cmd = [str(PY), "-m", "pytest", *_pytest_args([*FAST, *args], coverage=False)]
    say(" ".join(cmd))
    # a lighter fuzz than the full suite's 250 examples per property (tests/test_fuzz.py)
    env = _pytest_env()
    env.setdefault("FOOTMAP_FUZZ_EXAMPLES", "40")
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


#: The core modules (the model, the loader and the checks it calls, the words, the CLI).
CORE_MODULES = ("chart.model", "chart.loader", "chart._read", "chart._schema", "chart._geometry",
                "chart._problems", "text.describe", "cli", "errors")  # fmt: skip
#: The mutants ``mutate`` runs by default: the core modules and the atomic write.
CORE_MUTANTS = [
    *(f"footmap.{m}.*" for m in CORE_MODULES),
    "footmap.atomic.x__write_atomically__mutmut_*",
]


def mutate(args: list[str]) -> int:
    """Run mutmut over the core ([tool.mutmut] in pyproject.toml), then print the score."""
    ensure_venv("dev")
    cmd = [str(BIN / "mutmut"), "run", *(args or CORE_MUTANTS)]
    say(" ".join(cmd))
    code = subprocess.run(cmd, cwd=ROOT).returncode
    score = [str(PY), str(ROOT / "tools" / "mutation_score.py"), "--list"]
    return code or subprocess.run(score, cwd=ROOT).returncode


def bench(args: list[str]) -> int:
    """Install the bench extra (geopandas) beside the test extra, then run the benchmark."""
    ensure_venv("test")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".bench-{digest}"
    if not stamp.exists():
        run(PY, "-m", "pip", "install", "-q", "-e", ".[test,bench]", cwd=ROOT)
        for old in VENV.glob(".bench-*"):
            old.unlink()
        stamp.touch()
    return subprocess.run([str(PY), "bench/benchmark.py", *args], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    commands = {
        "lab": lab,
        "test": test,
        "fast": fast,
        "mutate": mutate,
        "bench": bench,
        "voila": voila,
    }
    if not argv or argv[0] not in {*commands, "setup"}:
        print(__doc__)
        return 2
    if argv[0] == "setup":
        ensure_venv("test")
        return 0
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(f"[dev] failed ({exc.returncode}): {' '.join(map(str, exc.cmd))}")
