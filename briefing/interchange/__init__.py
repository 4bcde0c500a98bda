"""Moving library content in and out of the briefing tool: imports, exports and the demo seed material."""
