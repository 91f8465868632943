"""The scale benchmark (scripts/bench.py): a synthetic corpus, timed steps, a table and budgets."""
