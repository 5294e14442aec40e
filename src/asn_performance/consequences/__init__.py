"""consequences."""
