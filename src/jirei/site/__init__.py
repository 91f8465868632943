"""The site generator: ``build`` renders every page into docs/ (see docs/architecture.md)."""
