"""Site search: the Pagefind index written after `mkdocs build`, and its query evaluation."""
