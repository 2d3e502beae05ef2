"""Start and stop a throwaway JupyterLab or Voila server for the real-browser tests and bench."""

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

#: Page script, called with ``[root selector, expected text]`` just before a click: records in
#: ``window.__fm`` when the next mousedown happens (``t0``) and when the text under the root
#: first contains the expected text (``t1``), both from ``performance.now()``.
WATCH_CLICK_JS = """([selector, expected]) => {
  window.__fm = {t0: null, t1: null};
  const root = document.querySelector(selector);
  document.addEventListener('mousedown', () => { window.__fm.t0 = performance.now(); },
                            {capture: true, once: true});
  const obs = new MutationObserver(() => {
    if (window.__fm.t0 !== null && root.innerText.includes(expected)) {
      window.__fm.t1 = performance.now(); obs.disconnect();
    }
  });
  obs.observe(root, {subtree: true, childList: true, characterData: true});
}"""


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
    url = f"http://127.0.0.1:{port}"
    return _serve(cmd, root, workdir / "lab.log", url, "/api/status", env, timeout)


def start_voila(notebook: Path, workdir: Path, *, timeout: float = 90.0) -> Lab:
    """Serve one notebook with Voila (code hidden) on a free local port; ``.url`` is its page.

    The notebook's directory is copied into ``workdir`` first (so relative paths still work),
    with the project's ``voila.json`` beside it (Voila reads it from where it starts);
    the server runs in its own process group with a private runtime directory. Voila 0.5 asks
    for no token unless told to. Each page load starts a kernel that runs the notebook.
    """
    root = workdir / "root"
    shutil.copytree(notebook.parent, root)
    config = notebook.parent.parent / "voila.json"  # hides the teacher cells, as `dev.py voila`
    if config.exists():
        shutil.copy(config, root / "voila.json")
    (workdir / "runtime").mkdir()
    port = free_port()
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(workdir / "runtime"), PYTHONUNBUFFERED="1")
    cmd = [
        sys.executable, "-m", "voila", notebook.name, "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
    ]  # fmt: skip
    # poll a static path: a GET of the notebook page itself would start a kernel
    url = f"http://127.0.0.1:{port}"
    return _serve(cmd, root, workdir / "voila.log", url, "/voila/static/", env, timeout)


def _serve(
    cmd: list[str], root: Path, log: Path, url: str, probe: str, env: dict, timeout: float
) -> Lab:
    """Start ``cmd`` in ``root`` (own process group, output to ``log``); wait until it answers.

    Any HTTP answer on ``url + probe``, even an error status, means the server is up.
    """
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    lab = Lab(url, root, proc, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{cmd[2]} exited with {proc.returncode}:\n{lab.log_tail()}")
        try:
            with urllib.request.urlopen(url + probe, timeout=2):
                return lab
        except urllib.error.HTTPError:
            return lab
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    lab.stop()
    raise TimeoutError(f"{cmd[2]} did not answer within {timeout:.0f} s:\n{lab.log_tail()}")
