"""Unit tests of the dataset rules of lake.py (no Spark, no servers): what a publish lists and deletes."""
import json

import pytest

from ingestion_app.lake import manifest_text, next_entries, superseded

PARTITIONED = ["run_id=a/region=eu", "run_id=a/region=us", "run_id=b/region=ap"]


def test_overwrite_lists_the_run_alone():
    after = next_entries(PARTITIONED, "run_id=c", ["run_id=c/region=eu"], "overwrite")
    assert after == ["run_id=c/region=eu"]
    assert superseded(PARTITIONED, after, "run_id=c") == ["run_id=a", "run_id=b"]


def test_append_adds_the_run_and_deletes_nothing():
    after = next_entries(["run_id=a", "run_id=b"], "run_id=c", ["run_id=c"], "append")
    assert after == ["run_id=a", "run_id=b", "run_id=c"]
    assert superseded(["run_id=a", "run_id=b"], after, "run_id=c") == []


def test_overwrite_partitions_replaces_only_the_partitions_written():
    after = next_entries(PARTITIONED, "run_id=c", ["run_id=c/region=eu", "run_id=c/region=ap"],
                         "overwrite-partitions")
    assert after == ["run_id=a/region=us", "run_id=c/region=ap", "run_id=c/region=eu"]
    # run b held only region=ap: the whole run goes; run a keeps region=us, so only its region=eu goes
    assert superseded(PARTITIONED, after, "run_id=c") == ["run_id=b", "run_id=a/region=eu"]


@pytest.mark.parametrize("mode", ["overwrite", "append", "overwrite-partitions"])
def test_a_retried_run_replaces_its_earlier_attempt(mode):
    before = ["run_id=a/region=eu", "run_id=r/region=eu", "run_id=r/region=us"]
    after = next_entries(before, "run_id=r", ["run_id=r/region=us"], mode)
    assert after.count("run_id=r/region=us") == 1 and "run_id=r/region=eu" not in after


def test_an_empty_run_keeps_its_own_directory():
    assert next_entries(["run_id=a/region=eu"], "run_id=b", [], "overwrite") == []
    assert superseded(["run_id=a/region=eu"], [], "run_id=b") == ["run_id=a"]


def test_manifest_names_version_entries_and_the_run():
    text = manifest_text(["run_id=a"], 3, {"runId": "a", "rows": 5}, "overwrite", ("region",))
    assert json.loads(text) == {"format": 1, "version": 3, "entries": ["run_id=a"], "partitionBy": ["region"],
                                "lastRun": {"runId": "a", "rows": 5, "mode": "overwrite"}}
