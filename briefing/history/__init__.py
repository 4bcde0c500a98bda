"""What was sent: the export history of each meeting, exact re-exports, and addenda since a recorded version.

- :mod:`.codec`: the outline a file was made from, as compact bytes, and back;
- :mod:`.records`: the records (one per file written) and the SQL that keeps them;
- :mod:`.labels`: what the history prints in packs (numbered copies, addenda), in English and French.
"""
