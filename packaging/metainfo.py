"""Write the AppStream metainfo the bundle installs, with screenshots where they are published.

    python packaging/metainfo.py OUT_FILE [--screenshots-url URL]

AppStream wants each screenshot as a web address (``appstreamcli validate`` refuses a file path or a relative
one), and the project publishes no web site of its own. So the screenshots the test suite makes of the main
window (tests/gui/test_screenshots.py, copied into packaging/screenshots/) travel in the bundle, in
share/briefing/screenshots/, and the metainfo lists them only when the address of the folder where they are
published is known: ``--screenshots-url``, else the ``Screenshots`` entry of ``[project.urls]`` in pyproject.toml.
Without one the metainfo has no ``<screenshots>`` element, and still validates. The width and height given for
each image are read from the PNG itself.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "org.briefing.Briefing.metainfo.xml"
SCREENSHOT_FOLDER = ROOT / "packaging" / "screenshots"
SCREENSHOTS = (
    (
        "main-window-en.png",
        "The library, a topic's English and French texts side by side",
        "La bibliothèque et les textes anglais et français d’un sujet côte à côte",
    ),
    ("main-window-fr.png", "The same window in French", "La même fenêtre en français"),
)
"""The shipped screenshots, in the order software centres show them (the first is the default)."""


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of the PNG at ``path``, from its header."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def project_screenshots_url(pyproject: Path = ROOT / "pyproject.toml") -> str | None:
    """The ``Screenshots`` address of ``[project.urls]`` in pyproject.toml, if the project declares one."""
    urls = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("urls", {})
    url = urls.get("Screenshots")
    return str(url) if url else None


def screenshots_element(base_url: str, folder: Path = SCREENSHOT_FOLDER) -> str:
    """The ``<screenshots>`` element for the shipped screenshots published at ``base_url``."""
    if not re.match(r"https?://", base_url):
        raise ValueError(f"not a web address: {base_url!r}")
    lines = ["  <screenshots>"]
    for index, (name, caption_en, caption_fr) in enumerate(SCREENSHOTS):
        width, height = png_size(folder / name)
        url = f"{base_url.rstrip('/')}/{name}"
        lines += [
            '    <screenshot type="default">' if index == 0 else "    <screenshot>",
            f"      <caption>{escape(caption_en)}</caption>",
            f'      <caption xml:lang="fr">{escape(caption_fr)}</caption>',
            f'      <image type="source" width="{width}" height="{height}">{escape(url)}</image>',
            "    </screenshot>",
        ]
    lines.append("  </screenshots>")
    return "\n".join(lines) + "\n"


def metainfo(base_url: str | None, source: Path = SOURCE) -> str:
    """The metainfo of ``source``, with the screenshots listed when ``base_url`` is given."""
    text = source.read_text(encoding="utf-8")
    if base_url is None:
        return text
    return text.replace("  <releases>", screenshots_element(base_url) + "  <releases>", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--screenshots-url", default=None)
    args = parser.parse_args(argv)
    base_url = args.screenshots_url or project_screenshots_url()
    try:
        args.out.write_text(metainfo(base_url), encoding="utf-8")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"metainfo: {'screenshots at ' + base_url if base_url else 'no screenshots (no address to publish them)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
