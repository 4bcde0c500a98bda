"""The desktop bundle: its size, and start-up of the frozen app next to the same app started from the venv.

Needs a bundle built by ``scripts/bundle.sh`` (it looks in ``build/bundle`` and ``.tools/bundle``, or takes the
unpacked folder as its argument). Both apps start as an adviser starts them, ``briefing`` with no arguments, with
a fresh HOME holding the same demo library, on one X server (Xvfb). Two figures per start:

- wall: from just before the process is started to the moment the main window is mapped and viewable on the
  screen (polled with ``xwininfo`` every 10 ms);
- CPU: the processor time (user + system, every thread) the process had used at that moment, read from
  ``/proc/<pid>/stat``. On a shared machine the wall time swings with the other work; the CPU time barely does,
  so it tells the two apps apart where the wall time cannot.

``briefing --version`` (the command line: no Qt) is timed the same way, its CPU time from the child's resource
usage. After one warm-up start each (page cache, fontconfig's cache), the frozen and venv starts alternate in
pairs whose order flips every run (frozen first, then venv first), so both see the same load and neither always
goes second. Each figure is given as its median with the interquartile range and the extremes, side by side,
and the frozen/venv ratio as the median of the per-pair ratios.

    python -m benchmarks.bundle [BUNDLE_DIR] [--runs N]

Targets: under 150 MB unpacked; the frozen window no slower than the venv's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

RUNS = 10
ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 150.0
LABELS = ("venv", "frozen")


@dataclass
class Figures:
    """The wall and CPU times of one kind of start, per app, in seconds, in run order."""

    wall: dict[str, list[float]] = field(default_factory=lambda: {label: [] for label in LABELS})
    cpu: dict[str, list[float]] = field(default_factory=lambda: {label: [] for label in LABELS})

    def add(self, label: str, wall: float, cpu: float) -> None:
        self.wall[label].append(wall)
        self.cpu[label].append(cpu)


def find_bundle(given: str | None) -> Path | None:
    if given:
        return Path(given)
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
    bytecode = sum(path.stat().st_size for path in internal.rglob("*.pyc"))
    sizes.append(("Python bytecode (.pyc, all packages)", bytecode))
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


def process_cpu(pid: int) -> float:
    """The CPU time (user + system, all threads) process ``pid`` has used so far, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_window(command: list[str], home: Path, display: str) -> tuple[float, float]:
    """Wall and CPU time from the start of ``command`` to its main window shown on ``display``."""
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
        wall = time.perf_counter() - start
        return wall, process_cpu(app.pid)
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=30)
        while window_shown(display):
            time.sleep(0.01)


def time_command(command: list[str], home: Path, display: str) -> tuple[float, float]:
    """Wall and CPU time of ``command`` run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env_for(home, display), capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(values: Sequence[float]) -> str:
    """Median, interquartile range and extremes of ``values`` (seconds) in milliseconds."""
    ms = sorted(v * 1000 for v in values)
    if len(ms) >= 4:
        quartiles = statistics.quantiles(ms, n=4)
        iqr = f"IQR {quartiles[0]:5.0f}-{quartiles[2]:<5.0f}"
    else:
        iqr = " " * 15
    return f"{statistics.median(ms):6.0f}  {iqr} min-max {ms[0]:5.0f}-{ms[-1]:<5.0f}"


def pair_ratio(figures: dict[str, list[float]]) -> str:
    """The median of frozen/venv over the alternating pairs, with the pairs' quartiles."""
    ratios = sorted(f / v for f, v in zip(figures["frozen"], figures["venv"], strict=True) if v > 0)
    if not ratios:
        return "n/a"
    text = f"{statistics.median(ratios):4.2f}"
    if len(ratios) >= 4:
        low, _, high = statistics.quantiles(ratios, n=4)
        text += f" ({low:.2f}-{high:.2f})"
    return text


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


def measure(
    commands: dict[str, list[str]], homes: dict[str, Path], display: str, runs: int
) -> tuple[Figures, Figures]:
    window, version = Figures(), Figures()
    for label in LABELS:  # one warm-up start each: the page cache, fontconfig's cache
        time_window(commands[label], homes[label], display)
        time_command([*commands[label], "--version"], homes[label], display)
    for run in range(runs):
        order = ("frozen", "venv") if run % 2 == 0 else ("venv", "frozen")
        for label in order:
            window.add(label, *time_window(commands[label], homes[label], display))
        for label in order:
            version.add(label, *time_command([*commands[label], "--version"], homes[label], display))
    return window, version


def report(window: Figures, version: Figures, runs: int) -> None:
    print(f"start-up on the demo library (Xvfb): {runs} alternating pairs after one warm-up each, in ms")
    print(f"  {'':30s} {'venv':^46s} | {'frozen':^46s} | frozen/venv")
    for name, figures in (("main window shown", window), ("briefing --version", version)):
        for kind, values in (("wall", figures.wall), ("CPU", figures.cpu)):
            print(
                f"  {name + ', ' + kind:30s} {spread(values['venv'])} | {spread(values['frozen'])} | "
                f"{pair_ratio(values)}"
            )
    for kind, values in (("wall", window.wall), ("CPU", window.cpu)):
        ratio = statistics.median(values["frozen"]) / statistics.median(values["venv"])
        print(f"frozen/venv window ratio of medians, {kind}: {ratio:.2f} (target <= 1.00)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("bundle", nargs="?", help="the unpacked bundle folder (default: the newest build)")
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"alternating pairs of starts (default {RUNS})"
    )
    args = parser.parse_args(argv)
    bundle = find_bundle(args.bundle)
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
            window, version = measure({"frozen": frozen, "venv": venv}, homes, display, args.runs)
    finally:
        server.terminate()
        server.wait(10)
    report(window, version, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
