"""``make bench``: figures printed and written to docs/benchmarks.md, each as a ratio to a baseline run alongside."""
