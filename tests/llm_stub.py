"""A real local HTTP server that answers like an OpenAI-compatible Chat Completions endpoint.

A stdlib ``ThreadingHTTPServer`` on 127.0.0.1 with a random port, in a thread of the test process;
the code under test (in process, or a daemon subprocess) reaches it over TCP. Each test queues the
answers it wants (status, body, delay, or a function of the request) and reads back the request
bodies the server received. ``Reply.hold`` keeps a request open until the test sets the event.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    #: When set, the answer waits until the event is set (or ``delay`` seconds, if given, pass).
    hold: threading.Event | None = None


Responder = Reply | Callable[[dict[str, Any]], Reply]


@dataclass
class Stub:
    """What the server answers (in order; the last one repeats) and what it was sent."""

    replies: list[Responder] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    #: The raw request bodies, exactly as they came over the socket.
    raw: list[bytes] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def chat(content: str, usage: dict[str, int] | None = None) -> Reply:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
    }
    if usage is not None:
        body["usage"] = usage
    return Reply(body=json.dumps(body).encode())


def items_answer(*items: dict[str, Any], usage: dict[str, int] | None = None) -> Reply:
    return chat(json.dumps({"items": list(items)}), usage)


_ID = re.compile(r"^\[([^\]\s]+)\] ", re.MULTILINE)


def cited_ids(request: dict[str, Any]) -> list[str]:
    """The entry ids a request's transcript lines carry (``[id] role: text``), in order."""
    user = request["messages"][-1]["content"]
    lines = user.split("Transcript lines:", 1)[-1]
    return _ID.findall(lines)


@contextmanager
def serve() -> Iterator[Stub]:
    state = Stub()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            request = json.loads(body)
            with lock:
                state.raw.append(body)
                state.requests.append(request)
                state.headers.append(dict(self.headers.items()))
                responder = state.replies.pop(0) if len(state.replies) > 1 else state.replies[0]
            reply = responder(request) if callable(responder) else responder
            if reply.hold is not None:
                reply.hold.wait(reply.delay or None)
            elif reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up (read timeout)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
