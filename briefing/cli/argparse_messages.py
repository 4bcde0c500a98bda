"""The phrases of Python's argparse that a user of `briefing` sees, so the catalogue can give them in French.

argparse looks its phrases up through :func:`gettext.gettext`; :func:`briefing.cli.language.install_cli_language`
points that at the project's catalogue. Only the marks below matter: this module is never called.
"""

from briefing.errors import N_

ARGPARSE_PHRASES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)
