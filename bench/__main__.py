"""Run every benchmark and print its figure: `python -m bench` (or `make bench`)."""

from bench import citations

BENCHMARKS = [citations]


def main() -> None:
    for benchmark in BENCHMARKS:
        print(benchmark.run(), flush=True)


if __name__ == "__main__":
    main()
