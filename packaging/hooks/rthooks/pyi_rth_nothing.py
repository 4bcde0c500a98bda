# Stands in for a PyInstaller run-time hook the app does not need (see packaging/hooks/rthooks.dat): PyInstaller
# adds its own hook for a module unless this folder names one, and an empty list does not count.
