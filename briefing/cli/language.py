"""The language of messages on the terminal, taken from the usual locale variables."""

from __future__ import annotations

import os

SUPPORTED = ("en", "fr")


def user_language(environ: dict[str, str] | None = None) -> str:
    """ "fr" or "en" from LANGUAGE, LC_ALL, LC_MESSAGES or LANG (first one set wins); English otherwise."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in SUPPORTED else "en"
    return "en"


def tr(msgid: str) -> str:
    """A text of the command line (help, headings) in the user's language."""
    from briefing.i18n.messages import translate

    return translate(msgid, user_language())


def install_cli_language() -> None:
    """Let argparse's own phrases ("usage:", "options", error messages) come from the project's catalogue.

    argparse asks :func:`gettext.gettext`, i.e. the process-wide text domain; the ``briefing`` command owns its
    process, so it points that domain at its catalogue in the user's language.
    """
    import gettext

    from briefing.i18n.messages import DOMAIN, LOCALE_DIR

    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
