"""A real TCP server on loopback that accepts every connection and never sends a byte: what a hung database
or S3 endpoint looks like to a client (the connect succeeds, then nothing)."""
from __future__ import annotations

import socket
import threading


class SilentServer:
    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.accepted = 0
        self._held: list = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return  # closed
            self.accepted += 1
            self._held.append(conn)  # kept open, never answered

    def close(self):
        self._listener.close()
        for conn in self._held:
            conn.close()
