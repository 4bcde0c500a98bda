"""Run thousands of Qt calls that return nothing and report whether they leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every such call; once the count reaches zero
CPython aborts with "Fatal Python error: none_dealloc". This script checks the count after every batch and stops
with exit status 1 as soon as it has fallen, long before the abort, so the failure is a readable report.
Run as a script (``python none_refcount_probe.py [ROUNDS]``) so it can also be pointed at another binding.
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QTreeWidgetItem

BATCH = 50
TOLERANCE = BATCH
"""References to None that may come and go by themselves (a cached object freed): the defect loses one on every
void call, thousands over the run, so a fall beyond this is the defect and a fall within it is not."""


def one_round(label: QLabel, item: QTreeWidgetItem, round_number: int) -> None:
    """The void calls the meeting builder makes on every tick, and a data() that returns None."""
    label.setText(f"item {round_number}")
    item.setToolTip(0, "tooltip")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(0, Qt.CheckState.Checked if round_number % 2 else Qt.CheckState.Unchecked)
    item.setData(0, Qt.ItemDataRole.UserRole, round_number)
    if item.data(0, Qt.ItemDataRole.UserRole + 1) is not None:
        raise AssertionError("an unset role should read as None")


def main(rounds: int) -> int:
    app = QApplication.instance() or QApplication([])
    tree = QTreeWidget()
    item = QTreeWidgetItem(tree, ["topic"])
    label = QLabel()
    one_round(label, item, 0)  # first calls may create cached objects; measure from a steady state
    gc.collect()
    gc.disable()  # no collection freeing unrelated objects (and their references to None) during the count
    start = sys.getrefcount(None)
    for done in range(0, rounds, BATCH):
        for n in range(done, min(done + BATCH, rounds)):
            one_round(label, item, n)
        now = sys.getrefcount(None)
        if now < start - TOLERANCE:
            print(
                f"PySide6 {pyside_version}: references to None fell from {start} to {now} "
                f"after {min(done + BATCH, rounds) * 6} void Qt calls",
                flush=True,
            )
            return 1
    print(f"PySide6 {pyside_version}: references to None steady over {rounds * 6} void Qt calls ({start})")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
