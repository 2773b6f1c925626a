"""Build-cost benchmarks: sphinx-careerblog against plain Sphinx + MyST and ABlog.

``benchmarks.corpus`` writes the same essays in three flavors; ``benchmarks.run``
builds them in subprocesses and reports time, memory and incremental work.
Run ``python -m benchmarks.run --help`` (or ``make bench``).
"""
