"""Run the benchmarks and print their figures: `python -m bench` (or `make bench`).

`python -m bench micro` runs only the in-process ones (parsing, a save, a page); `python -m
bench load` only Monitor under gunicorn and wrk (see bench/load.py); `python -m bench soak`
the fault-and-soak run (see bench/soak.py), which is never part of the default set; `python -m
bench exports` the streamed CSV and GeoJSON exports of a generated archive (bench/exports.py),
asked for by name too: its corpus takes minutes to generate.
"""

import sys

from bench import citations, exports, load, processing, soak

# The soak (bench/soak.py, `make soak`) is asked for by name: it takes minutes and fails loudly.
BENCHMARKS = {
    "micro": [citations, processing],
    "load": [load],
    "soak": [soak],
    "exports": [exports],
}


def main() -> None:
    chosen = sys.argv[1:] or ["micro", "load"]
    for name in chosen:
        for benchmark in BENCHMARKS[name]:
            print(benchmark.run(), flush=True)


if __name__ == "__main__":
    main()
