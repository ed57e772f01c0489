#!/usr/bin/env python3
"""Measure a language server from the client side over stdio pipes.

Usage: lsp_bench.py [--edits-only] FILE -- SERVER_COMMAND [ARGS...]

Prints one JSON object with latencies in milliseconds (median and p95 where repeated) and the
server's peak resident memory. The client announces what a common editor does, including that it
resolves a code action's edit later. The code action is requested for one line, as for the
cursor, each time after an edit (a keystroke makes a new version), and `code_action_resolve_ms`
times one `codeAction/resolve` of the action that came without its edit. Any LSP server that
speaks stdio can be measured the same way, so a run can compare DockerLSP with another server
installed on the machine. Requests that the server does not implement are reported as
"unsupported".
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


def timed_requests_after_edits(client: Client, uri: str, version: int, edit_line: int, method: str, params) -> tuple[dict, int]:
    """Like `timed_requests`, but each request follows an edit and its diagnostics, as in an editor
    where every keystroke makes a new version, so a server cannot reuse a result cached per version.
    Only the requests are timed. Returns the timings and the last document version."""
    times = []
    for n in range(REQUEST_REPEATS):
        start = {"line": edit_line, "character": 1}
        if n % 2 == 0:
            change = {"range": {"start": start, "end": start}, "text": "x"}
        else:
            change = {"range": {"start": start, "end": {"line": edit_line, "character": 2}}, "text": ""}
        version += 1
        sent = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        client.wait_diagnostics(uri, version, sent)
        elapsed, response = client.request(method, params)
        if "timed_out" in response:
            return {"timed_out": response["timed_out"]}, version
        if "error" in response:
            return {"unsupported": response["error"].get("code")}, version
        times.append(elapsed)
    return {"median": statistics.median(times), "p95": percentile(times, 0.95)}, version


def timed_resolve(client: Client, code_action_params: dict) -> dict | float:
    """Returns milliseconds for one `codeAction/resolve` of the first action that comes without an edit."""
    _, response = client.request("textDocument/codeAction", code_action_params)
    actions = response.get("result") or []
    action = next((a for a in actions if "edit" not in a and "command" not in a), None)
    if action is None:
        return {"unsupported": "no action to resolve"}
    elapsed, resolved = client.request("codeAction/resolve", action)
    if "timed_out" in resolved:
        return {"timed_out": resolved["timed_out"]}
    if "error" in resolved:
        return {"unsupported": resolved["error"].get("code")}
    return elapsed


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
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"versionSupport": True},
            "codeAction": {"resolveSupport": {"properties": ["edit"]}},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
            "completion": {"completionItem": {"snippetSupport": True}},
        }},
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
    cursor_line = {"start": {"line": run_line, "character": 0}, "end": {"line": run_line, "character": len(lines[run_line])}}
    code_action_params = {"textDocument": document, "range": cursor_line, "context": {"diagnostics": []}}
    skipped = {"skipped": True}
    if edits_only:
        timed_requests_or_skip = lambda *args: skipped
        timed_resolve_or_skip = lambda *args: skipped
        code_action = skipped
    else:
        timed_requests_or_skip = timed_requests
        timed_resolve_or_skip = timed_resolve
        # The edits add and remove a letter in a comment after the cursor's line (one before it
        # might be a parser directive), so the requested range and its findings stay the same.
        # A file without such a comment gets the edits on the cursor's line instead.
        edit_line = next((n for n, line in enumerate(lines) if line.startswith("# ") and n > run_line), run_line)
        code_action, version = timed_requests_after_edits(
            client, uri, version, edit_line, "textDocument/codeAction", code_action_params)
    results = {
        "spawn_to_initialize_ms": spawn_ms,
        "initialize_request_ms": initialize_ms,
        "open_to_diagnostics_ms": open_ms,
        "edit_to_diagnostics_ms": {"median": statistics.median(edit_times), "p95": percentile(edit_times, 0.95)},
        "hover_ms": timed_requests_or_skip(client, "textDocument/hover", {"textDocument": document, "position": position}),
        "completion_ms": timed_requests_or_skip(client, "textDocument/completion", {"textDocument": document, "position": position}),
        "code_action_ms": code_action,
        "code_action_resolve_ms": timed_resolve_or_skip(client, code_action_params),
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
