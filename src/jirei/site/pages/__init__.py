"""One module per kind of generated page (cases, indexes, finder, compare, metrics, data, contributing)."""
