#!/usr/bin/env python3
"""Measure a language server from the client side over stdio pipes.

Usage: lsp_bench.py [--edits-only] FILE -- SERVER_COMMAND [ARGS...]

Prints one JSON object with latencies in milliseconds (median and p95 where repeated) and the
server's peak resident memory. Any LSP server that speaks stdio can be measured the same way,
so a run can compare DockerLSP with another server installed on the machine. Requests that the
server does not implement are reported as "unsupported".
"""
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

EDIT_COUNT = 200
REQUEST_REPEATS = 20
TIMEOUT_SECONDS = 60


class Client:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.condition = threading.Condition()
        self.responses: dict[int, dict] = {}
        self.diagnostics: list[tuple[float, dict]] = []
        self.reader = threading.Thread(target=self.read_loop, daemon=True)
        self.reader.start()

    def read_loop(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            body = stream.read(length)
            # The message has arrived: stamp it before decoding, so that the time measures the
            # server and the pipe, not this client's JSON decoder (slow for large diagnostics).
            now = time.perf_counter()
            message = json.loads(body)
            with self.condition:
                if "id" in message and ("result" in message or "error" in message):
                    self.responses[message["id"]] = message
                elif message.get("method") == "textDocument/publishDiagnostics":
                    self.diagnostics.append((now, message["params"]))
                elif "id" in message and "method" in message:
                    # A server-to-client request such as workspace/configuration gets a reply of nulls.
                    items = message.get("params", {}).get("items", [])
                    self.send({"jsonrpc": "2.0", "id": message["id"], "result": [None] * len(items) if items else None})
                self.condition.notify_all()

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params) -> tuple[float, dict]:
        self.next_id += 1
        request_id = self.next_id
        start = time.perf_counter()
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        with self.condition:
            received = self.condition.wait_for(lambda: request_id in self.responses, TIMEOUT_SECONDS)
            response = self.responses.pop(request_id) if received else {"timed_out": TIMEOUT_SECONDS}
        return (time.perf_counter() - start) * 1000, response

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri: str, version: int, since: float) -> float:
        """Returns milliseconds from `since` to diagnostics for `version` (or any, if the server sends no version)."""
        def found():
            for stamp, params in self.diagnostics:
                if params["uri"] == uri and params.get("version", version) == version:
                    return stamp
            return None
        with self.condition:
            self.condition.wait_for(lambda: found() is not None, TIMEOUT_SECONDS)
            stamp = found()
            self.diagnostics.clear()
        return (stamp - since) * 1000

    def peak_rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed_requests(client: Client, method: str, params) -> dict:
    times = []
    for _ in range(REQUEST_REPEATS):
        elapsed, response = client.request(method, params)
        if "timed_out" in response:
            return {"timed_out": response["timed_out"]}
        if "error" in response:
            return {"unsupported": response["error"].get("code")}
        times.append(elapsed)
    return {"median": statistics.median(times), "p95": percentile(times, 0.95)}


def main() -> None:
    separator = sys.argv.index("--")
    edits_only = "--edits-only" in sys.argv[1:separator]
    path = Path([a for a in sys.argv[1:separator] if a != "--edits-only"][0]).resolve()
    command = sys.argv[separator + 1:]
    text = path.read_text()
    lines = text.split("\n")
    uri = path.as_uri()

    start = time.perf_counter()
    client = Client(command)
    initialize_ms, _ = client.request("initialize", {
        "processId": os.getpid(), "rootUri": path.parent.as_uri(),
        "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
    })
    spawn_ms = (time.perf_counter() - start) * 1000
    client.notify("initialized", {})

    opened = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}})
    open_ms = client.wait_diagnostics(uri, 1, opened)

    # Single-character edits spread over the file: insert a letter inside a line, then remove it.
    rng = random.Random(7)
    candidates = [n for n, line in enumerate(lines) if len(line.strip()) > 3]
    edit_times = []
    version = 1
    for n in range(EDIT_COUNT):
        if n % 2 == 0:
            line = rng.choice(candidates)
            column = len(lines[line]) - len(lines[line].lstrip()) + 1
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}, "text": "x"}
        else:
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 1}}, "text": ""}
        version += 1
        sent = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        edit_times.append(client.wait_diagnostics(uri, version, sent))

    run_line = next((n for n, line in enumerate(lines) if line.startswith("RUN ")), 0)
    document = {"uri": uri}
    position = {"line": run_line, "character": 1}
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(lines), "character": 0}}
    skipped = {"skipped": True}
    if edits_only:
        timed_requests_or_skip = lambda *args: skipped
    else:
        timed_requests_or_skip = timed_requests
    results = {
        "spawn_to_initialize_ms": spawn_ms,
        "initialize_request_ms": initialize_ms,
        "open_to_diagnostics_ms": open_ms,
        "edit_to_diagnostics_ms": {"median": statistics.median(edit_times), "p95": percentile(edit_times, 0.95)},
        "hover_ms": timed_requests_or_skip(client, "textDocument/hover", {"textDocument": document, "position": position}),
        "completion_ms": timed_requests_or_skip(client, "textDocument/completion", {"textDocument": document, "position": position}),
        "code_action_ms": timed_requests_or_skip(client, "textDocument/codeAction", {
            "textDocument": document, "range": whole, "context": {"diagnostics": []}}),
        "document_symbol_ms": timed_requests_or_skip(client, "textDocument/documentSymbol", {"textDocument": document}),
        "folding_range_ms": timed_requests_or_skip(client, "textDocument/foldingRange", {"textDocument": document}),
        "semantic_tokens_ms": timed_requests_or_skip(client, "textDocument/semanticTokens/full", {"textDocument": document}),
        "formatting_ms": timed_requests_or_skip(client, "textDocument/formatting", {
            "textDocument": document, "options": {"tabSize": 4, "insertSpaces": True}}),
        "peak_rss_mib": client.peak_rss_kib() / 1024,
    }
    client.request("shutdown", None)
    client.notify("exit", None)
    client.process.stdin.close()
    client.process.wait(timeout=10)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
