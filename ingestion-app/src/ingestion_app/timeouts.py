"""How long a run waits on a source or an S3 endpoint before giving up, and how a timeout reads in an error.

Without them a server that accepts the connection and never answers holds a run forever: JDBC drivers wait
indefinitely for a login or a read by default, and S3A retries a silent endpoint for many minutes.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timeouts:
    """Seconds. connect: TCP connect. login: the database handshake and authentication. socket: silence on
    an open connection (a read that gets no byte), which also bounds one S3 request."""
    connect_seconds: int = 10
    login_seconds: int = 30
    socket_seconds: int = 600

    @property
    def s3_request_seconds(self) -> int:
        """S3A (Hadoop 3.4) raises any request timeout below 15 s to 15 s."""
        return max(self.socket_seconds, S3A_MIN_REQUEST_SECONDS)

    def describe(self, s3: bool = False) -> str:
        if s3:
            return (f"connect {self.connect_seconds}s, socket {self.socket_seconds}s, "
                    f"S3 request {self.s3_request_seconds}s, no retry")
        return f"connect {self.connect_seconds}s, login {self.login_seconds}s, socket {self.socket_seconds}s"


S3A_MIN_REQUEST_SECONDS = 15


FIELDS = {"connectSeconds": "connect_seconds", "loginSeconds": "login_seconds", "socketSeconds": "socket_seconds"}
MAX_SECONDS = 24 * 3600


def jdbc_properties(kind: str, t: Timeouts) -> dict:
    """Driver properties: PostgreSQL takes seconds (connectTimeout, loginTimeout, socketTimeout); MariaDB
    Connector/J takes milliseconds and bounds the handshake with connectTimeout."""
    if kind == "postgres":
        return {"connectTimeout": str(t.connect_seconds), "loginTimeout": str(t.login_seconds),
                "socketTimeout": str(t.socket_seconds)}
    return {"connectTimeout": str(min(t.connect_seconds, t.login_seconds) * 1000),
            "socketTimeout": str(t.socket_seconds * 1000)}


def s3a_settings(prefix: str, t: Timeouts) -> dict:
    """S3A settings of one bucket (prefix = fs.s3a.bucket.<name>.): bounded waits and few retries, so a silent
    endpoint fails after two requests (about twice s3_request_seconds) rather than after minutes of retries."""
    return {
        prefix + "connection.establish.timeout": f"{t.connect_seconds}s",
        prefix + "connection.timeout": f"{t.socket_seconds}s",
        prefix + "connection.request.timeout": f"{t.s3_request_seconds}s",
        prefix + "attempts.maximum": "1",
        prefix + "retry.limit": "0",
        prefix + "retry.interval": "200ms",
    }


_TIMEOUT_WORDS = ("timed out", "timeout", "time out")


def is_timeout(message: str) -> bool:
    lowered = message.lower()
    return any(w in lowered for w in _TIMEOUT_WORDS)
