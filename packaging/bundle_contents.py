"""What the desktop bundle leaves out of the libraries it freezes (used by briefing.spec and packaging/hooks).

Briefing's interface uses QtCore, QtGui and QtWidgets only, in English and French. PyInstaller's Qt hooks
collect every plug-in of those modules (EGL/KMS/VNC/Wayland platforms, input methods, GTK theme, ten image
formats) and Qt's translations in 30 languages; Babel ships the data of 800 locales. Keeping only what the app
uses takes the bundle from about 215 MB to under 150 MB; dropping a plug-in before PyInstaller looks at its
shared libraries also drops those libraries (the GTK plug-in alone pulls in GTK, Cairo and Pango).
"""

from __future__ import annotations

from pathlib import PurePath

#: Plug-ins kept, by plug-in folder; every other plug-in of the frozen Qt modules is left out. The Windows and
#: macOS platform plug-ins and styles are named so that the same spec builds there.
KEPT_PLUGINS = {
    "platforms": {"qoffscreen", "qminimal", "qxcb", "qwindows", "qcocoa"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "imageformats": {"qico", "qjpeg"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}
#: Qt's own catalogues (standard dialogs, shortcuts) in the interface languages.
QT_TRANSLATIONS = {"qtbase_fr.qm", "qtbase_en.qm"}
#: Babel locale data kept: the interface and pack languages and the root every locale inherits from.
BABEL_LOCALES = ("root", "en", "fr")
#: Qt libraries of modules the app does not use, pulled in only by left-out plug-ins.
UNUSED_QT_LIBRARIES = (
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Network",
    "Qt6WebEngine",
    "Qt6Pdf",
    "Qt6Svg",
    "Qt6VirtualKeyboard",
    "Qt6OpenGL.",
    "Qt6Wayland",
    "Qt6WlShell",
    "Qt6EglFs",
    "Qt6Sql",
    "Qt6PrintSupport",
)


def keep(path: str) -> bool:
    """Whether the file at ``path`` (a source path or a destination in the bundle) belongs in the bundle."""
    parts = PurePath(path.replace("\\", "/")).parts
    name = parts[-1]
    if "plugins" in parts and ("Qt" in parts or "PySide6" in parts):
        i = len(parts) - 1 - parts[::-1].index("plugins")
        if len(parts) < i + 3:
            return True
        stem = name.split(".")[0].removeprefix("lib")
        return stem in KEPT_PLUGINS.get(parts[i + 1], set())
    if "translations" in parts and name.endswith(".qm") and ("Qt" in parts or "PySide6" in parts):
        return name in QT_TRANSLATIONS
    if "locale-data" in parts and "babel" in parts and name.endswith(".dat"):
        locale = name.removesuffix(".dat")
        return any(locale == lang or locale.startswith(lang + "_") for lang in BABEL_LOCALES)
    return not any(name.startswith(("lib" + lib, lib)) for lib in UNUSED_QT_LIBRARIES)
