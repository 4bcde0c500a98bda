"""Preflight: what to fix or know before exporting a pack, as findings with a severity and a code.

:func:`run_preflight` (in :mod:`briefing.preflight.checks`) checks a pack request against the library, with
the checks of the assembled outline in :mod:`briefing.preflight.outline_checks` and the way findings name texts
in :mod:`briefing.preflight.quoting`;
:mod:`briefing.preflight.findings` defines :class:`Finding`, :class:`Severity` and the finding codes.
"""

from briefing.defaults import DEFAULT_REVIEW_AGE_DAYS
from briefing.preflight.checks import run_preflight
from briefing.preflight.findings import CODES, Finding, Severity, sort_findings
from briefing.preflight.outline_checks import check_external_copy, check_marking

__all__ = [
    "CODES",
    "DEFAULT_REVIEW_AGE_DAYS",
    "Finding",
    "Severity",
    "check_external_copy",
    "check_marking",
    "run_preflight",
    "sort_findings",
]
