"""The desktop bundle: its size, and start-up of the frozen app next to the same app started from the venv.

Needs a bundle built by ``scripts/bundle.sh`` (it looks in ``build/bundle`` and ``.tools/bundle``, or takes the
unpacked folder as its argument). Both apps start as an adviser starts them, ``briefing`` with no arguments, with
a fresh HOME holding the same demo library, on one X server (Xvfb); the time runs from just before the process is
started to the moment the main window is mapped and viewable on the screen (polled with ``xwininfo`` every 10 ms).
``briefing --version`` (the command line: no Qt) is timed the same way. Frozen and venv starts alternate, so both
see the same machine load.

    python -m benchmarks.bundle [BUNDLE_DIR]

Targets: under 150 MB unpacked; the frozen window no slower than the venv's.
"""

from __future__ import annotations

import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 150.0


def find_bundle(argv: list[str]) -> Path | None:
    if len(argv) > 1:
        return Path(argv[1])
    candidates = [
        path
        for base in (ROOT / "build" / "bundle", ROOT / ".tools" / "bundle")
        for path in base.glob("briefing-*")
        if path.is_dir() and (path / "briefing").is_file()
    ]
    return max(candidates, key=lambda path: path.stat().st_mtime, default=None)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def parts(bundle: Path) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    groups = {
        "Qt libraries and plug-ins": internal / "PySide6",
        "Python (libpython, extension modules)": internal / "python3.11",
        "Babel locale data": internal / "babel",
        "lxml": internal / "lxml",
        "SQLAlchemy": internal / "sqlalchemy",
    }
    sizes = [(label, folder_size(path)) for label, path in groups.items() if path.is_dir()]
    python = internal / "libpython3.11.so.1.0"
    if python.is_file():
        sizes[1] = (sizes[1][0], sizes[1][1] + python.stat().st_size)
    return sizes


def env_for(home: Path, display: str) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": display,
    }


def window_shown(display: str) -> bool:
    info = subprocess.run(
        ["xwininfo", "-display", display, "-name", "Briefing"], capture_output=True, text=True, check=False
    )
    return "IsViewable" in info.stdout


def time_window(command: list[str], home: Path, display: str) -> float:
    start = time.perf_counter()
    app = subprocess.Popen(
        command, env=env_for(home, display), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while not window_shown(display):
            if app.poll() is not None:
                raise RuntimeError(f"{command[0]} exited: {app.stderr.read().decode() if app.stderr else ''}")
            if time.perf_counter() - start > 120:
                raise RuntimeError(f"{command[0]}: no window after 120 s")
            time.sleep(0.01)
        return time.perf_counter() - start
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=30)
        while window_shown(display):
            time.sleep(0.01)


def time_command(command: list[str], home: Path, display: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env_for(home, display), capture_output=True, check=True)
    return time.perf_counter() - start


def start_xvfb() -> tuple[subprocess.Popen[str], str]:
    """An X server on a display number it picks itself (-displayfd), so parallel runs never collide."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    return server, ":" + server.stdout.readline().strip()


def main() -> int:
    bundle = find_bundle(sys.argv)
    if bundle is None:
        print("no bundle found: build one with scripts/bundle.sh", file=sys.stderr)
        return 1
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed (Debian packages xvfb and x11-utils)", file=sys.stderr)
            return 1
    frozen = [str(bundle / "briefing")]
    venv = [str(Path(sys.executable).with_name("briefing"))]

    size = folder_size(bundle)
    tarball = bundle.with_name(bundle.name + ".tar.gz")
    print(f"bundle {bundle.name}: {size / 1e6:.1f} MB unpacked (target < {TARGET_MB:.0f} MB)", end="")
    print(f", {tarball.stat().st_size / 1e6:.1f} MB packed" if tarball.is_file() else "")
    for label, part in parts(bundle):
        print(f"  {label:40s} {part / 1e6:6.1f} MB")

    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            homes = {"frozen": Path(tmp) / "frozen", "venv": Path(tmp) / "venv"}
            for home in homes.values():
                home.mkdir()
            # The same demo library in both homes, made once by the frozen app and copied.
            subprocess.run(
                [*frozen, "demo"], env=env_for(homes["frozen"], display), capture_output=True, check=True
            )
            data = Path(".local") / "share" / "Briefing"
            shutil.copytree(homes["frozen"] / data, homes["venv"] / data)
            commands = {"frozen": frozen, "venv": venv}
            window: dict[str, list[float]] = {"frozen": [], "venv": []}
            version: dict[str, list[float]] = {"frozen": [], "venv": []}
            for label in ("frozen", "venv"):  # one warm-up start each: the page cache, fontconfig's cache
                time_window(commands[label], homes[label], display)
            for _ in range(RUNS):
                for label in ("frozen", "venv"):
                    window[label].append(time_window(commands[label], homes[label], display))
                    version[label].append(
                        time_command([*commands[label], "--version"], homes[label], display)
                    )
    finally:
        server.terminate()
        server.wait(10)

    print(f"start-up on the demo library (Xvfb), median of {RUNS} runs after one warm-up each")
    for name, figures in (("main window shown", window), ("briefing --version", version)):
        for label in ("venv", "frozen"):
            runs = ", ".join(f"{v * 1000:.0f}" for v in figures[label])
            print(
                f"  {name:20s} {label:7s} {statistics.median(figures[label]) * 1000:6.0f} ms  (runs: {runs})"
            )
    ratio = statistics.median(window["frozen"]) / statistics.median(window["venv"])
    print(f"frozen/venv window ratio: {ratio:.2f} (target ≤ 1.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
