"""Glossaries shipped with the app (``briefing.resources.glossary``): ``jha-starter.csv``."""
