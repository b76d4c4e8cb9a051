"""Entry point of the ingestion application in a Kubernetes driver pod.

Runs ingestion_app.main exactly as spark-submit would, then copies the result.json it wrote into the
container's termination log (/dev/termination-log). The kubelet keeps that file's content in the pod's status
(containerStatuses[].state.terminated.message), where the Backstage backend reads the run's outcome, metrics and
new watermark without any access to the pod's file system. The application itself stays unchanged: it writes
result.json atomically (temp file + rename), which cannot target the termination log, a mounted file.

Kubernetes keeps at most 4096 bytes of a termination message: the copy drops the event log path, then shortens
the error, then drops the metrics, until it fits. The exit code is the application's.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ingestion_app.main import main  # noqa: E402

LIMIT = 4096
TERMINATION_LOG = os.environ.get("INGEST_TERMINATION_LOG", "/dev/termination-log")


def result_path(argv):
    for i, arg in enumerate(argv):
        if arg == "--result" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--result="):
            return arg.split("=", 1)[1]
    return None


def fitted(result):
    """result as compact JSON of at most LIMIT bytes, giving up the least useful parts first."""
    def encode(r):
        return json.dumps(r, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    result = dict(result)
    result.pop("eventLog", None)
    data = encode(result)
    if len(data) > LIMIT and isinstance(result.get("error"), str):
        excess = len(data) - LIMIT
        error = result["error"].encode("utf-8")
        result["error"] = error[: max(0, len(error) - excess - 3)].decode("utf-8", "ignore") + "..."
        data = encode(result)
    if len(data) > LIMIT:
        result.pop("metrics", None)
        data = encode(result)
    return data[:LIMIT]


def publish(path):
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    with open(TERMINATION_LOG, "wb") as f:
        f.write(fitted(result))


if __name__ == "__main__":
    argv = sys.argv[1:]
    code = main(argv)
    path = result_path(argv)
    try:
        if path:
            publish(path)
    except Exception as e:  # the run's outcome stands; only its report is lost
        print(f"kubernetes_main: could not write the termination message: {e}", file=sys.stderr)
    sys.exit(code)
