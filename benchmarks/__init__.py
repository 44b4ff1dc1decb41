"""Benchmarks: newsdump's accuracy and speed side by side with peer tools.

``python -m benchmarks.accuracy`` scores newsdump, jusText, trafilatura, NLTK TextTiling
and dateparser on every annotated dump; ``python -m benchmarks.speed`` times them and the
floor on generated dumps of 5, 50 and 500 MB. See ``docs/benchmarks.md``.
"""
