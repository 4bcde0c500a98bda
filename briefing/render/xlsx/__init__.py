"""Excel output: the pack workbook, and the cell safety and layout every workbook of the app shares.

The library workbook and translation workbooks, which read the library themselves, live in
:mod:`briefing.interchange`.
"""

from briefing.render.xlsx.pack import render_xlsx

__all__ = ["render_xlsx"]
