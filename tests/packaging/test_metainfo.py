"""The AppStream metainfo: valid without a web address for the screenshots, and with one; the shipped screenshots
are the test suite's own."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("metainfo", ROOT / "packaging" / "metainfo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("appstreamcli") is None:
        pytest.fail("appstreamcli is not installed (scripts/test.sh installs it)")
    return subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True, check=False
    )


def write(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "org.briefing.Briefing.metainfo.xml"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "metainfo.py"), str(out), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_without_an_address_the_metainfo_lists_no_screenshots_and_validates(tmp_path: Path) -> None:
    out = write(tmp_path)
    text = out.read_text(encoding="utf-8")
    assert "<screenshots>" not in text and "example.org" not in text
    assert validate(out).returncode == 0


def test_with_an_address_it_lists_the_shipped_screenshots_at_their_size(tmp_path: Path) -> None:
    out = write(tmp_path, "--screenshots-url", "https://intranet.example.net/briefing/screenshots/")
    text = out.read_text(encoding="utf-8")
    checked = validate(out)
    assert checked.returncode == 0, checked.stdout
    for name in ("main-window-en.png", "main-window-fr.png"):
        assert (
            f'<image type="source" width="1280" height="800">'
            f"https://intranet.example.net/briefing/screenshots/{name}</image>"
        ) in text
    assert text.count('<screenshot type="default">') == 1
    assert '<caption xml:lang="fr">La même fenêtre en français</caption>' in text


def test_a_screenshot_address_must_be_a_web_address(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "metainfo.py"),
            str(tmp_path / "out.xml"),
            "--screenshots-url",
            "screenshots/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "not a web address" in result.stderr
    assert not (tmp_path / "out.xml").exists()


def test_the_shipped_screenshots_are_the_main_window_as_the_suite_takes_it() -> None:
    from tests.gui.test_screenshots import SIZE

    metainfo = load()
    for name, _, _ in metainfo.SCREENSHOTS:
        path = ROOT / "packaging" / "screenshots" / name
        assert metainfo.png_size(path) == SIZE
        assert path.stat().st_size > 20_000  # a drawn window, not a blank image
    with pytest.raises(ValueError):
        metainfo.png_size(ROOT / "packaging" / "metainfo.py")
