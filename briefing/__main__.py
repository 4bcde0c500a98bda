"""``python -m briefing`` runs the command-line front door."""

from briefing.cli.main import main

raise SystemExit(main())
