#!/usr/bin/env python3
"""Set up footmap and run it: the README's two commands.

    python3 dev.py lab     # set up, then open JupyterLab on the explorer notebook
    python3 dev.py test    # set up (incl. Chromium for the browser test), then run every test
    python3 dev.py voila   # set up, then serve the teaching notebook as a Voila presentation

Needs only Python 3.10+, pip and (for the browser test) apt. Everything goes into ``.venv``
beside this file; it is (re)installed only when pyproject.toml changes. Extra arguments after
``test`` go to pytest (``python3 dev.py test -k explorer``); after ``lab``, to JupyterLab.
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
    for old in VENV.glob(".footmap-*"):
        old.unlink()
    stamp.touch()
    if extra == "test":  # the test extra includes the lab extra
        (VENV / f".footmap-lab-{digest}").touch()


def lab(args: list[str]) -> int:
    ensure_venv("lab")
    cmd = [str(PY), "-m", "jupyter", "lab", NOTEBOOK, *args]
    if os.name != "nt" and os.geteuid() == 0 and "--allow-root" not in args:
        cmd.append("--allow-root")
    say(" ".join(cmd))
    os.chdir(ROOT)
    os.execv(cmd[0], cmd)  # replaces this process; JupyterLab prints its URL


def voila(args: list[str]) -> int:
    """Serve the teaching notebook with Voila; voila.json here hides the ``teacher`` cells."""
    ensure_venv("lab")
    cmd = [str(BIN / "voila"), "notebooks/teaching.ipynb", *args]
    say(" ".join(cmd))
    os.chdir(ROOT)  # Voila reads voila.json from the directory it is started in
    os.execv(cmd[0], cmd)


def test(args: list[str]) -> int:
    ensure_venv("test")
    if not CHROMIUM.exists():
        say("installing Debian's Chromium for the real-browser test")
        apt_install("chromium")
    run(PY, "-m", "ruff", "check", ".", cwd=ROOT)
    run(PY, "-m", "ruff", "format", "--check", ".", cwd=ROOT)
    return subprocess.run([str(PY), "-m", "pytest", *args], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test", "setup", "voila"}:
        print(__doc__)
        return 2
    if argv[0] == "setup":
        ensure_venv("test")
        return 0
    return {"lab": lab, "test": test, "voila": voila}[argv[0]](argv[1:])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(f"[dev] failed ({exc.returncode}): {' '.join(map(str, exc.cmd))}")
