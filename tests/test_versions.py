"""Briefing's version is read from its installed metadata without importing importlib.metadata."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

from briefing.versions import _installed_version, package_version


def test_the_version_is_the_one_importlib_metadata_reads() -> None:
    assert package_version() == metadata.version("briefing")


def test_the_first_dist_info_on_the_path_wins_and_headers_end_at_the_blank_line(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, version in ((first, "2.0"), (second, "1.0")):
        info = folder / f"example_pkg-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Name: example_pkg\nVersion: {version}\n\nVersion: 9.9\n", "utf-8")
    saved = list(sys.path)
    try:
        sys.path[:] = [str(tmp_path / "missing"), str(first), str(second)]
        assert _installed_version("example_pkg") == "2.0"
        sys.path[:] = [str(second), str(first)]
        assert _installed_version("example_pkg") == "1.0"
        assert _installed_version("not_installed") is None
    finally:
        sys.path[:] = saved


def test_an_export_process_does_not_import_the_metadata_reader() -> None:
    code = (
        "import sys\nfrom briefing.versions import package_version\npackage_version()\n"
        "import briefing.export\n"
        "assert 'importlib.metadata' not in sys.modules and 'email' not in sys.modules, 'imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
