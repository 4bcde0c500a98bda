# Replaces PyInstaller's run-time hook for PySide6, which imports PySide6.QtCore at every start to register a
# qt.conf (a no-op with the PyPI wheels, which register their own when PySide6 is imported). Command-line runs
# never need Qt: importing it there cost about a second. Qt is told where its plug-ins are, nothing more.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6" if sys.platform.startswith("win") else os.path.join("PySide6", "Qt"), "plugins"
)
if sys.platform.startswith("win"):
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
