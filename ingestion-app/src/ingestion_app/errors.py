"""Turning failures into one clear line for result.json."""
from __future__ import annotations

import socket
from typing import Optional


class IngestError(Exception):
    """A run failure with a message meant for the user (what failed, and where)."""


def check_reachable(host: str, port: int, what: str, timeout: float = 5.0) -> None:
    """Fails fast, before Spark starts, when a server cannot be reached (refused, unknown host, timeout)."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return
    except socket.gaierror as e:
        raise IngestError(f"cannot reach {what} at {host}:{port}: unknown host ({e.strerror or e})") from None
    except socket.timeout:
        raise IngestError(f"cannot reach {what} at {host}:{port}: timed out after {timeout:g}s") from None
    except OSError as e:
        raise IngestError(f"cannot reach {what} at {host}:{port}: {e.strerror or e}") from None


def _java_throwable(exc: BaseException):
    """The JVM exception behind a PySpark error, if any (Py4JJavaError or a captured SQL exception)."""
    for attr in ("java_exception", "_origin"):
        j = getattr(exc, attr, None)
        if j is not None:
            return j
    return None


def java_causes(exc: BaseException) -> list:
    """(class name, message) of the JVM exception chain behind exc, outermost first."""
    out = []
    j = _java_throwable(exc)
    seen = 0
    while j is not None and seen < 20:
        try:
            out.append((str(j.getClass().getName()), str(j.getMessage() or "")))
            j = j.getCause()
        except Exception:  # the gateway is gone (JVM died): use what we have
            break
        seen += 1
    return out


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return text.strip()


def root_message(exc: BaseException) -> str:
    """The most specific message: a SQL/IO error deep in the JVM chain beats Spark's generic wrapper."""
    causes = java_causes(exc)
    preferred: Optional[str] = None
    for cls, msg in causes:
        if not msg:
            continue
        if any(k in cls for k in ("SQLException", "PSQLException", "SQLSyntaxError", "FileNotFound",
                                  "UnknownHost", "ConnectException", "AccessDenied", "AWSBadRequest",
                                  "AWSClientIOException", "RemoteException", "NoSuchBucket")):
            preferred = f"{cls.rsplit('.', 1)[-1]}: {_first_line(msg)}"
    if preferred:
        return preferred
    if causes:
        # Deepest cause with a message.
        for cls, msg in reversed(causes):
            if msg:
                return f"{cls.rsplit('.', 1)[-1]}: {_first_line(msg)}"
    return _first_line(str(exc)) or type(exc).__name__
