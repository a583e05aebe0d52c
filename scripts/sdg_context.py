"""Convert the national SDG files in ../shared/reference/sdg into data/context/*.csv.

Usage: python scripts/sdg_context.py [REFERENCE_SDG_FOLDER]
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spotlight_dash import schema  # noqa: E402
from spotlight_dash.ingest.sdg import convert  # noqa: E402

reference = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/sdg"
out = ROOT / "data/context"
out.mkdir(parents=True, exist_ok=True)
for table, rows in convert(reference).items():
    columns = [c for c in schema.TABLES[table].columns if any(c in r for r in rows)]
    with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out / (table + '.csv')}: {len(rows)} rows")
