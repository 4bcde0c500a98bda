"""Renderers: each turns an :class:`~briefing.assemble.Outline` into one kind of file or view.

A renderer reads only the outline: it never opens the library and is never told which language to use, since
every text of the outline carries its own. Heavy libraries (python-docx, openpyxl) are imported inside the
renderer packages, so importing :mod:`briefing.render` costs nothing. One module or package per format:

- :mod:`briefing.render.docx`: the Word pack (cover, contents, one section per agenda item, annexes);
- :mod:`briefing.render.xlsx`: the spreadsheets;
- :mod:`briefing.render.html`: the preview shown in the desktop app.
"""
