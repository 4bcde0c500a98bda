"""The ``briefing`` command: every subcommand calls the same core functions as the desktop app."""
