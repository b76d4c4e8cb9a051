"""Run metrics from a Spark event log (JSON lines, uncompressed, not rolled). No Spark needed.

Fields used (verified against logs written by Spark 4.1, see README.md):
  SparkListenerApplicationStart  "App ID", "Timestamp" (ms)
  SparkListenerApplicationEnd    "Timestamp" (ms)
  SparkListenerTaskEnd           "Task Info"."Failed"/"Killed",
                                 "Task Metrics": "Executor Run Time" (ms), "Executor CPU Time" (ns),
                                   "JVM GC Time" (ms), "Peak Execution Memory" (bytes),
                                   "Input Metrics" {"Bytes Read", "Records Read"},
                                   "Output Metrics" {"Bytes Written", "Records Written"},
                                   "Shuffle Read Metrics"/"Shuffle Write Metrics"
                                 "Task Executor Metrics" {"JVMHeapMemory", "ProcessTreeJVMRSSMemory", ...}
                                   (peaks while the task ran; filled only when
                                   spark.executor.metrics.pollingInterval > 0, RSS only with
                                   spark.executor.processTreeMetrics.enabled=true: main.py sets both)
  SparkListenerJobStart          "Stage IDs", "Properties"."spark.jobGroup.id" (which job a stage served)
"""
from __future__ import annotations

import json
from typing import Iterable


IO_GROUP = "ingest-copy"  # the job group main.py/ingest.py give the job that copies source to target


def summarize_event_log(lines: Iterable[str]) -> dict:
    """Sums a run's task metrics. CPU, run time, GC and peaks cover every task of the application (that is
    what the run cost); input/output bytes and records cover only the tasks of jobs in the "ingest-copy"
    job group when there is one, so the app's own helper jobs (partition bounds, the read-back check of
    the output) do not count twice. Without job groups (another application) all tasks count."""
    s = {
        "appId": None,
        "startTime": None,
        "endTime": None,
        "durationMs": None,
        "tasks": 0,
        "failedTasks": 0,
        "executorRunTimeMs": 0,
        "executorCpuTimeMs": 0,
        "jvmGcTimeMs": 0,
        "peakExecutionMemoryBytes": 0,
        "peakJvmHeapBytes": 0,
        "peakJvmRssBytes": 0,
        "inputBytes": 0,
        "inputRecords": 0,
        "outputBytes": 0,
        "outputRecords": 0,
        "shuffleReadBytes": 0,
        "shuffleWriteBytes": 0,
    }
    cpu_ns = 0
    stage_group: dict = {}
    io_all = {"inputBytes": 0, "inputRecords": 0, "outputBytes": 0, "outputRecords": 0}
    io_copy = dict(io_all)
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError:
            continue  # a log cut short by a crash: keep what was complete
        kind = ev.get("Event")
        if kind == "SparkListenerApplicationStart":
            s["appId"] = ev.get("App ID")
            s["startTime"] = ev.get("Timestamp")
        elif kind == "SparkListenerApplicationEnd":
            s["endTime"] = ev.get("Timestamp")
        elif kind == "SparkListenerJobStart":
            group = (ev.get("Properties") or {}).get("spark.jobGroup.id")
            for stage_id in ev.get("Stage IDs") or []:
                stage_group[stage_id] = group
        elif kind == "SparkListenerTaskEnd":
            s["tasks"] += 1
            info = ev.get("Task Info") or {}
            if info.get("Failed") or info.get("Killed"):
                s["failedTasks"] += 1
            m = ev.get("Task Metrics") or {}
            s["executorRunTimeMs"] += int(m.get("Executor Run Time", 0))
            cpu_ns += int(m.get("Executor CPU Time", 0))
            s["jvmGcTimeMs"] += int(m.get("JVM GC Time", 0))
            s["peakExecutionMemoryBytes"] = max(s["peakExecutionMemoryBytes"], int(m.get("Peak Execution Memory", 0)))
            inp = m.get("Input Metrics") or {}
            out = m.get("Output Metrics") or {}
            io = {
                "inputBytes": int(inp.get("Bytes Read", 0)),
                "inputRecords": int(inp.get("Records Read", 0)),
                "outputBytes": int(out.get("Bytes Written", 0)),
                "outputRecords": int(out.get("Records Written", 0)),
            }
            for k, v in io.items():
                io_all[k] += v
                if stage_group.get(ev.get("Stage ID")) == IO_GROUP:
                    io_copy[k] += v
            sr = m.get("Shuffle Read Metrics") or {}
            s["shuffleReadBytes"] += int(sr.get("Remote Bytes Read", 0)) + int(sr.get("Local Bytes Read", 0))
            sw = m.get("Shuffle Write Metrics") or {}
            s["shuffleWriteBytes"] += int(sw.get("Shuffle Bytes Written", 0))
            em = ev.get("Task Executor Metrics") or {}
            s["peakJvmHeapBytes"] = max(s["peakJvmHeapBytes"], int(em.get("JVMHeapMemory", 0)))
            s["peakJvmRssBytes"] = max(s["peakJvmRssBytes"], int(em.get("ProcessTreeJVMRSSMemory", 0)))
    s.update(io_copy if IO_GROUP in stage_group.values() else io_all)
    s["executorCpuTimeMs"] = cpu_ns // 1_000_000
    if s["startTime"] is not None and s["endTime"] is not None:
        s["durationMs"] = s["endTime"] - s["startTime"]
    return s


def summarize_event_log_file(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return summarize_event_log(f)
