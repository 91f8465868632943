"""Fragments of pages: charts, maps, evidence, citation, similar municipalities, pace, later figures."""
