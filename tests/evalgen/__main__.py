"""``python -m tests.evalgen --out tests/data/eval``: regenerate the generated splits."""

from __future__ import annotations

import argparse
from pathlib import Path

from .generate import write_split
from .splits import SEED, specs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.evalgen", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("tests/data/eval"))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--split", action="append", help="only these splits (default: all)")
    args = parser.parse_args(argv)
    for spec in specs():
        if args.split and spec.name not in args.split:
            continue
        files = write_split(spec, args.out, args.seed)
        print(f"{spec.name}: {len(files) // 2} transcripts in {args.out / spec.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
