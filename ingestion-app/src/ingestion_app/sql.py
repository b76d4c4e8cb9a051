"""JDBC helpers with no Spark and no I/O: URLs, identifier quoting, literals and the SQL the reader sends."""
from __future__ import annotations

from typing import Optional

from .config import JdbcSource

JDBC_DRIVERS = {
    "postgres": "org.postgresql.Driver",
    # MariaDB Connector/J also serves jdbc:mysql URLs when permitMysqlScheme is set; Spark picks its MySQL
    # dialect only for URLs starting with jdbc:mysql, so that is the form used.
    "mysql": "org.mariadb.jdbc.Driver",
}

# Rows fetched per round trip; without it the PostgreSQL driver buffers the whole result in memory.
FETCH_SIZE = 10000


def jdbc_url(src: JdbcSource) -> str:
    if src.type == "postgres":
        return f"jdbc:postgresql://{src.host}:{src.port}/{src.database}"
    return f"jdbc:mysql://{src.host}:{src.port}/{src.database}?permitMysqlScheme"


def quote_ident(kind: str, name: str) -> str:
    """Quotes a possibly dotted name (schema.table) part by part; names are then exact (case-sensitive in
    PostgreSQL)."""
    q = '"' if kind == "postgres" else "`"
    return ".".join(q + part.replace(q, q + q) + q for part in name.split("."))


def sql_literal(kind: str, value: str) -> str:
    """A string literal. MySQL/MariaDB also treat backslash as an escape character by default."""
    escaped = value.replace("'", "''")
    if kind == "mysql":
        escaped = escaped.replace("\\", "\\\\")
    return f"'{escaped}'"


def _relation(src: JdbcSource) -> str:
    if src.table:
        return quote_ident(src.type, src.table)
    return f"({src.query}) ingest_q"


def _incremental_filter(src: JdbcSource, watermark: Optional[str]) -> Optional[str]:
    if not src.incremental_column or watermark is None:
        return None
    return f"{quote_ident(src.type, src.incremental_column)} > {sql_literal(src.type, watermark)}"


def read_relation(src: JdbcSource, watermark: Optional[str]) -> str:
    """What Spark gets as `dbtable`: the table itself, or a derived table for a query and/or an incremental
    filter (rows with incrementalColumn > watermark). The database compares the literal with the column
    in the column's type (integer, timestamp, ...)."""
    cond = _incremental_filter(src, watermark)
    if cond is None:
        return _relation(src) if src.table else f"({src.query}) ingest_src"
    return f"(SELECT * FROM {_relation(src)} WHERE {cond}) ingest_src"


def bounds_query(src: JdbcSource, watermark: Optional[str]) -> str:
    """MIN/MAX of the partition column over the rows this run reads, for Spark's lowerBound/upperBound."""
    assert src.partition_column
    col = quote_ident(src.type, src.partition_column)
    return f"SELECT MIN({col}) AS lo, MAX({col}) AS hi FROM {read_relation(src, watermark)}"
