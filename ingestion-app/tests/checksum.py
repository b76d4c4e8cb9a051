"""Order-independent checksums of rows, to compare a source with what the ingestion wrote.

Each row becomes a canonical text (columns sorted by name, values in a canonical form that the database
client and Spark agree on), hashed with SHA-256; the checksum is the sum of the first 8 bytes of the row
hashes modulo 2**64. Equal multisets of rows give equal checksums whatever the order or partitioning; a
changed, missing or duplicated row changes it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any, Iterable, Mapping

MASK = (1 << 64) - 1


def canonical(value: Any) -> str:
    if value is None:
        return "\u2205"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def row_hash(row: Mapping[str, Any]) -> int:
    text = "\x1f".join(f"{k}\x1e{canonical(row[k])}" for k in sorted(row))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def checksum(rows: Iterable[Mapping[str, Any]]) -> tuple:
    """(row count, checksum as 16 hex digits)."""
    n, total = 0, 0
    for row in rows:
        n += 1
        total = (total + row_hash(row)) & MASK
    return n, f"{total:016x}"


def spark_rows(df, drop: Iterable[str] = ()) -> list:
    """Rows of a Spark DataFrame as dicts, without the given columns (e.g. run_id)."""
    drop = set(drop)
    return [{k: v for k, v in r.asDict().items() if k not in drop} for r in df.collect()]
