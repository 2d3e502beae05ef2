"""Start and stop a throwaway JupyterLab server for the real-browser tests."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

#: User settings for the test server: no news pop-up, every cell rendered (no windowing, so
#: off-screen outputs stay in the DOM and can be scrolled to).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: its base URL, root directory, process and log file."""

    url: str
    root: Path
    proc: subprocess.Popen
    log: Path

    def log_tail(self, n: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the server and its kernels (the whole process group), politely then firmly."""
        if self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


def start_lab(notebooks: Path, workdir: Path, *, timeout: float = 90.0) -> Lab:
    """Copy ``notebooks`` into ``workdir`` and serve it with JupyterLab on a free local port.

    The server runs in its own process group with private runtime, settings and workspace
    directories, no token and no password (it listens on 127.0.0.1 only).
    """
    root = workdir / "root"
    shutil.copytree(notebooks, root)
    for d in ("runtime", "settings", "workspaces"):
        (workdir / d).mkdir()
    for name, settings in SETTINGS.items():
        path = workdir / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port = free_port()
    env = dict(os.environ)
    env.update(
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(workdir / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
        PYTHONUNBUFFERED="1",
    )
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
        "--allow-root", "--LabApp.news_url=None", "--ServerApp.disable_check_xsrf=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    log = workdir / "lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    lab = Lab(f"http://127.0.0.1:{port}", root, proc, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {proc.returncode}:\n{lab.log_tail()}")
        try:
            with urllib.request.urlopen(lab.url + "/api/status", timeout=2) as r:
                if r.status == 200:
                    return lab
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    lab.stop()
    raise TimeoutError(f"JupyterLab did not answer within {timeout:.0f} s:\n{lab.log_tail()}")
