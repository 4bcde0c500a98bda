"""Render the application icon (resources/icons/briefing.svg) to PNG sizes 16-512, .ico and .icns.

    python packaging/icons.py OUT_DIR

Writes OUT_DIR/hicolor/<n>x<n>/apps/org.briefing.Briefing.png for every size (the freedesktop icon theme
layout the install script copies into ~/.local/share/icons), the SVG as the scalable icon, briefing.ico
for Windows and briefing.icns for macOS (through Qt's image plug-ins, skipped with a note when one is
missing). Qt's SVG renderer draws every size from the vector source, so small sizes stay sharp.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_NAME = "org.briefing.Briefing"
SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "briefing.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[1])
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"error: {SOURCE.name} is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{ICON_NAME}.png")):
            print(f"error: could not write the {size} px icon", file=sys.stderr)
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{ICON_NAME}.svg").write_bytes(SOURCE.read_bytes())
    supported = {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}
    for suffix, size in (("ico", 256), ("icns", 512)):
        if suffix in supported:
            images[size].save(str(out / f"briefing.{suffix}"))
        else:
            print(f"note: Qt has no {suffix} writer here; briefing.{suffix} not written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
