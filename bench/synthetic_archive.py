"""Make a synthetic archive of N monthly issues from the sample issue, for scale benchmarks.

Usage: ``python bench/synthetic_archive.py N OUT_DIR [--seed S] [--first YYYY-MM]``.

Each issue is the sample manuscript (``tests/data/*.manuscript.json``) moved to another
month: cover year, number and serial, dates and the gazette's own 文号 (renumbered so that
no two issues share one), with the documents of each section in a shuffled order; it is
typeset in the gazette's own layout by ``tests.typeset``. Written as
``OUT_DIR/wzgb-YYYY-MM.pdf``. The output is benchmark input only: it is never compared
against the extractor as if it were ground truth.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from tests.golden import MANUSCRIPT  # noqa: E402
from tests.typeset import STYLES, truth_path, typeset  # noqa: E402

STYLE = STYLES["gazette_a4"]
SAMPLE = MANUSCRIPT["issue"]
# In one pass (so nothing moves twice): the gazette's own 文号 of the sample's year, dates
# of the issue's own time (2022 on), and other years of that time.
OWN_TIME = re.compile(
    rf"(?P<org>温政(?:办|发))〔{SAMPLE['year']}〕(?P<n>\d+)号"
    r"|(?P<y>20[2-9]\d)年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?"
    r"|(?<!\d)(?P<year>20(?:2[2-9]|[3-9]\d))(?!\d)"
)
# Own 文号 of one month are renumbered into a block of this size (the sample's lie below it).
NUMBERS_PER_MONTH = 60


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def shift_text(text: str, months: int) -> str:
    """``text`` with own 文号 renumbered for the month ``months`` months away, own-time
    dates moved by ``months`` (day capped at 28) and other own-time years by whole years."""

    def shifted(match: re.Match[str]) -> str:
        if match["org"]:
            index = month_index(SAMPLE["year"], SAMPLE["number"]) + months
            number = (index % 12) * NUMBERS_PER_MONTH + int(match["n"]) % NUMBERS_PER_MONTH + 1
            return f"{match['org']}〔{index // 12}〕{number}号"
        if match["y"]:
            index = month_index(int(match["y"]), int(match["m"])) + months
            day = f"{min(int(match['d']), 28)}日" if match["d"] else ""
            return f"{index // 12}年{index % 12 + 1}月{day}"
        return str(int(match["year"]) + round(months / 12))

    return OWN_TIME.sub(shifted, text)


def variant(year: int, number: int, rng: random.Random) -> dict:
    """The sample manuscript as issue ``year``-``number``, documents of each section shuffled."""
    months = month_index(year, number) - month_index(SAMPLE["year"], SAMPLE["number"])
    manuscript = json.loads(shift_text(json.dumps(MANUSCRIPT, ensure_ascii=False), months))
    manuscript["issue"] = {**SAMPLE, "year": year, "number": number, "serial": SAMPLE["serial"] + months}
    items = manuscript["items"]
    sections = list(dict.fromkeys(item["section"] for item in items))
    shuffled = []
    for section in sections:
        group = [item for item in items if item["section"] == section]
        rng.shuffle(group)
        shuffled += group
    manuscript["items"] = shuffled
    return manuscript


def write_archive(count: int, out_dir: Path, seed: int = 0, first: tuple[int, int] = (2004, 1)) -> list[Path]:
    """Typeset ``count`` consecutive monthly issues from ``first`` (year, month) into
    ``out_dir``; return the PDF paths, oldest first. Existing PDFs of those months are kept."""
    out_dir.mkdir(parents=True, exist_ok=True)
    start = month_index(*first)
    paths = []
    for offset in range(count):
        year, month = divmod(start + offset, 12)
        path = out_dir / f"wzgb-{year}-{month + 1:02d}.pdf"
        if not path.exists():
            typeset(variant(year, month + 1, random.Random(f"{seed}-{year}-{month}")), path, STYLE)
            truth_path(path).unlink(missing_ok=True)
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="number of monthly issues")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    parser.add_argument("--first", default="2004-01", metavar="YYYY-MM", help="month of the first issue")
    args = parser.parse_args(argv)
    year, month = (int(part) for part in args.first.split("-"))
    paths = write_archive(args.count, args.out_dir, args.seed, (year, month))
    print(f"{len(paths)} issues in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
