"""`make serve`: the contributor preview — regenerate only what one edit changes (issue #17)."""
