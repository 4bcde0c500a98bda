"""Defaults shared by the command line, the app and the core, in a module light enough to import anywhere."""

import datetime as dt

DEFAULT_REVIEW_AGE_DAYS = 180
"""A topic last reviewed longer ago than this is reported by preflight."""


def review_overdue(
    reviewed_on: dt.date | None, today: dt.date, age_days: int = DEFAULT_REVIEW_AGE_DAYS
) -> bool:
    """The review-age rule, once for the library filter and preflight: never reviewed (``None``), or more than
    ``age_days`` ago."""
    if reviewed_on is None:
        return True
    return (today - reviewed_on).days > age_days
