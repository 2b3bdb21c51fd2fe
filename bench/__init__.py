"""Benchmarks of Säljkompetens: `python -m bench` (see `bench/__main__.py`)."""
