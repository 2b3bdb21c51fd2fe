"""What the tests and the benchmarks share: generated answer files, the worst Markdown bodies,
synthetic content. The tests import from here, never from `bench`; `bench` may import from
here too."""

QUICK_BROTLI = 5
"""The brotli quality of the tests' `make_dist` (production: 11). The wasm goes 9.6 → 3.2 MB
in about a second instead of 9.6 → 2.7 MB in a minute or more, on a fresh clone's empty
cache; what the tests check (the files decode, servers send them) does not depend on it."""
