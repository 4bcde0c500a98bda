"""The demo library: public JHA documents of the 2024 Belgian Presidency, read into clean text and structure.

:mod:`briefing.interchange.demo.seeds` turns the five seed documents shipped in ``briefing.resources`` into
paragraphs, sections, deliverables and commitments; it needs neither Qt nor a database.
"""
