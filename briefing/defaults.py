"""Defaults shared by the command line, the app and the core, in a module light enough to import anywhere."""

DEFAULT_REVIEW_AGE_DAYS = 180
"""A topic last reviewed longer ago than this is reported by preflight."""
