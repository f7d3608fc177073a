"""Run the benchmarks and print their figures: `python -m bench` (or `make bench`).

`python -m bench micro` runs only the in-process ones (parsing, a save, a page); `python -m
bench load` only Monitor under gunicorn and wrk (see bench/load.py). Asked for by name, never
part of the default set: `python -m bench soak` the fault-and-soak run (bench/soak.py),
`python -m bench exports` the streamed CSV and GeoJSON exports of a generated archive
(bench/exports.py; its corpus takes minutes to generate), `python -m bench peer` Monitor
beside Wagtail in the peer harness (bench/peer.py), `python -m bench scale` the archive-size
measurements on PostgreSQL (bench/scale.py; its corpus takes tens of minutes to generate),
`python -m bench search` full-text search over an archive of 100,000 articles, on SQLite or
PostgreSQL (bench/search.py).
"""

import sys

from bench import citations, exports, load, peer, processing, scale, search, soak

BENCHMARKS = {
    "micro": [citations, processing],
    "load": [load],
    "soak": [soak],
    "exports": [exports],
    "scale": [scale],
    "search": [search],
    "peer": [peer],
}


def main() -> None:
    chosen = sys.argv[1:] or ["micro", "load"]
    for name in chosen:
        for benchmark in BENCHMARKS[name]:
            print(benchmark.run(), flush=True)


if __name__ == "__main__":
    main()
