# Replaces PyInstaller's hook of the same name: the same Qt dependencies, less the plug-ins and translations
# the app does not use (packaging/bundle_contents.py), dropped before PyInstaller collects their libraries.
from bundle_contents import keep
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if keep(entry[0])]
datas = [entry for entry in datas if keep(entry[0])]
