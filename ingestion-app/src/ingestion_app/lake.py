"""The target dataset, and how a run lands in it (target.mode).

    <path>/_dataset.json                         the dataset: the directories that hold it now
    <path>/run_id=<runId>/[col=value/...]/part-* one run's files, with its _SUCCESS marker

The dataset is what `_dataset.json` lists, nothing else. A run is published by moving its staged files to
`run_id=<runId>`, then replacing `_dataset.json` in one atomic step (an S3 PUT, a rename over the file on HDFS
and local disks), then deleting the directories it no longer lists. A reader that reads `_dataset.json` and then
the directories it lists therefore sees the previous complete dataset or the new one, never a mix, never half a
run and never a run twice; if a listed directory vanished while it read, the dataset moved on: read it again.
Readers that list `<path>` instead see the same thing once a publish is over.

Entries are directories relative to `<path>`: `run_id=<runId>` for an unpartitioned target, each partition
directory `run_id=<runId>/col=value[/...]` for a partitioned one, so that overwrite-partitions can replace
exactly the partitions a run wrote.
"""
from __future__ import annotations

import json
from typing import Optional

from .filesystem import is_hidden

MANIFEST = "_dataset.json"
RUN_PREFIX = "run_id="
SUCCESS_MARKER = "_SUCCESS"
MANIFEST_FORMAT = 1


def run_dir_of(entry: str) -> str:
    return entry.split("/", 1)[0]


def partition_of(entry: str) -> str:
    """The partition an entry holds (`col=value[/...]`), '' for an unpartitioned target."""
    return entry.split("/", 1)[1] if "/" in entry else ""


def next_entries(current: list, run_dir: str, written: list, mode: str) -> list:
    """The dataset after publishing a run that wrote `written` (entries under `run_dir`).

    overwrite: the run alone. append: everything plus the run. overwrite-partitions: the run, plus every other
    entry whose partition the run did not write. An earlier attempt of the same run is always replaced, so a
    retried run never counts twice."""
    others = [e for e in current if run_dir_of(e) != run_dir]
    if mode == "overwrite":
        kept: list = []
    elif mode == "append":
        kept = others
    elif mode == "overwrite-partitions":
        replaced = {partition_of(e) for e in written}
        kept = [e for e in others if partition_of(e) not in replaced]
    else:
        raise ValueError(f"unknown target mode {mode!r}")
    return sorted(set(kept) | set(written))


def superseded(before: list, after: list, keep_run_dir: str) -> list:
    """Directories to delete once `after` is published: whole run directories that no entry needs any more,
    else the single partition directories that were replaced. The run just published is kept even when it
    wrote no rows (its _SUCCESS marker says so)."""
    needed_runs = {run_dir_of(e) for e in after} | {keep_run_dir}
    gone = [e for e in before if e not in set(after)]
    whole = sorted({run_dir_of(e) for e in gone if run_dir_of(e) not in needed_runs})
    partial = sorted(e for e in gone if run_dir_of(e) in needed_runs and "/" in e)
    return whole + partial


def manifest_text(entries: list, version: int, marker: dict, mode: str, partition_by: tuple) -> str:
    return json.dumps({
        "format": MANIFEST_FORMAT,
        "version": version,
        "entries": entries,
        "partitionBy": list(partition_by),
        "lastRun": {**marker, "mode": mode},
    }, sort_keys=True, indent=1) + "\n"


def leaf_dirs(fs, base: str, rel: str, depth: int) -> list:
    """Entries (relative to base) of the directory base/rel: itself when depth is 0, else its partition
    directories `depth` levels down."""
    if depth == 0:
        return [rel]
    out = []
    for name in sorted(fs.list_names(f"{base}/{rel}" if rel else base)):
        if not is_hidden(name) and "=" in name:
            out.extend(leaf_dirs(fs, base, f"{rel}/{name}" if rel else name, depth - 1))
    return out


def current_dataset(fs, base: str, depth: int) -> tuple:
    """(version, entries) of the published dataset. A target written before `_dataset.json` existed is every
    `run_id=` directory with its _SUCCESS marker (the earlier reader contract)."""
    text: Optional[str] = fs.read_text(f"{base}/{MANIFEST}")
    if text is not None:
        manifest = json.loads(text)
        return int(manifest["version"]), list(manifest["entries"])
    entries = []
    for name in sorted(fs.list_names(base)):
        if name.startswith(RUN_PREFIX) and fs.exists(f"{base}/{name}/{SUCCESS_MARKER}"):
            entries.extend(leaf_dirs(fs, base, name, depth))
    return 0, entries


def publish_run(fs, base: str, staging: str, run_id: str, mode: str, partition_by: tuple, marker: dict) -> dict:
    """Moves a staged run into the dataset (see the module doc). Returns the new version and what was
    replaced. Deleting the replaced directories comes after the commit: if it fails, the dataset is already
    right and the leftovers are unlisted; the error is reported, not raised."""
    run_dir = f"{RUN_PREFIX}{run_id}"
    final = f"{base}/{run_dir}"
    depth = len(partition_by)
    fs.delete(f"{staging}/{SUCCESS_MARKER}")  # Spark's own, empty marker
    if not fs.exists(staging):
        fs.mkdirs(staging)  # no rows and no partitions: Spark wrote nothing; publish an empty run
    written = [f"{run_dir}/{e}" for e in leaf_dirs(fs, staging, "", depth)] if depth else [run_dir]
    fs.delete(final)  # an earlier attempt of this run
    if not fs.rename(staging, final):
        raise OSError(f"rename from {staging} to {final} failed")
    fs.write_text(f"{final}/{SUCCESS_MARKER}", json.dumps(marker, sort_keys=True) + "\n")

    version, before = current_dataset(fs, base, depth)
    after = next_entries(before, run_dir, written, mode)
    fs.replace_text(f"{base}/{MANIFEST}", manifest_text(after, version + 1, marker, mode, partition_by))
    removed = superseded(before, after, run_dir)
    outcome = {"datasetVersion": version + 1, "datasetEntries": len(after), "replaced": removed}
    try:
        for rel in removed:
            fs.delete(f"{base}/{rel}")
    except Exception as e:  # noqa: BLE001 - the commit stands; say what is left over
        outcome["cleanupError"] = f"{type(e).__name__}: {e}"
    return outcome
