"""Checking that the sources cited by cases still answer (the weekly maintenance job)."""
