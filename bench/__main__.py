"""Run the benchmarks and print their figures: `python -m bench` (or `make bench`).

`python -m bench micro` runs only the in-process ones (parsing, a save, a page); `python -m
bench load` only Monitor under gunicorn and wrk (see bench/load.py); `python -m bench soak`
the fault-and-soak run (see bench/soak.py), and `python -m bench peer` Monitor beside Wagtail
in the peer harness (see bench/peer.py); neither is part of the default set.
"""

import sys

from bench import citations, load, peer, processing, soak

# The soak (bench/soak.py, `make soak`) is asked for by name: it takes minutes and fails loudly.
BENCHMARKS = {
    "micro": [citations, processing],
    "load": [load],
    "soak": [soak],
    "peer": [peer],
}


def main() -> None:
    chosen = sys.argv[1:] or ["micro", "load"]
    for name in chosen:
        for benchmark in BENCHMARKS[name]:
            print(benchmark.run(), flush=True)


if __name__ == "__main__":
    main()
