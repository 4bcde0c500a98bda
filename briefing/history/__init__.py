"""What was sent: the export history of each meeting, exact re-exports, addenda and numbered copies.

- :mod:`.codec`: the outline a file was made from, as compact bytes, and back;
- :mod:`.records`: the records (one per file written) and the SQL that keeps them;
- :mod:`.versions`: a recorded version made again byte for byte, and the addendum since one;
- :mod:`.addendum`: what changed between two outlines, agenda item by agenda item, word by word;
- :mod:`.copies`: numbered copies, one file per recipient;
- :mod:`.describe`, :mod:`.labels`: the history's words, in English and French.
"""
