"""Figures newer than the ministry's per-municipality tables, kept apart from them.

Two kinds, never merged into the official series (data/metrics/municipalities.csv etc.):

- :mod:`national`: the Digital Agency's national monthly card counts (official counts;
  rates either the dashboard's own or computed here on a stated population);
- :mod:`reported`: figures that news articles reported from the ministry's releases
  (「報道による値」), each with its source and a quote (data/reported-figures.yml).
"""
