"""Run every benchmark and print its figure: `python -m bench` (or `make bench`)."""

from bench import citations, processing

BENCHMARKS = [citations, processing]


def main() -> None:
    for benchmark in BENCHMARKS:
        print(benchmark.run(), flush=True)


if __name__ == "__main__":
    main()
