#!/usr/bin/env python3
"""server-latency.py [EDITS]: `orglint server` on Examples/large-org (300 accounts, one 234 KB file).

Opens organization.yaml, then makes EDITS (default 1000) incremental edits one after another (a character of an
account's name changed back and forth), each time waiting for the diagnostics of the new version, and prints the
latency from sending didChange to receiving publishDiagnostics (median, p90, max) and the server's resident memory
(VmRSS) after the first lint and after every 250 edits. ORGLINT: the binary (default: this checkout's release build).
"""
import json, os, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
binary = os.environ.get("ORGLINT", os.path.join(here, "..", ".build", "release", "orglint"))
edits = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
work = tempfile.mkdtemp(prefix="orglint-server-bench-")
root = os.path.join(work, "large-org")
shutil.copytree(os.path.join(here, "..", "Examples", "large-org"), root)
open(os.path.join(root, ".orglint.yaml"), "w").close()
path = os.path.join(root, "organization.yaml")
text = open(path, encoding="utf-8").read()
uri = "file://" + path

server = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    length = None
    while True:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(server.stdout.read(length))

def wait_for_version(version):
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
            return m["params"]["diagnostics"]

def rss_kib():
    with open("/proc/%d/status" % server.pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"rootUri": "file://" + root, "capabilities": {}, "initializationOptions": {"now": "2026-11-25T00:00:00Z"}}})
receive()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
start = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
first = wait_for_version(1)
print("first lint: %.1f ms, %d diagnostics, RSS %d MiB" % ((time.perf_counter() - start) * 1000, len(first), rss_kib() // 1024))

# The first `name: ` line's value: its first character toggles between its own and 'X'.
lines = text.split("\n")
line_no = next(i for i, l in enumerate(lines) if l.strip().startswith("name: "))
col = lines[line_no].index("name: ") + 6
original = lines[line_no][col]
latencies = []
memory = []
for i in range(edits):
    version = i + 2
    new = "X" if i % 2 == 0 else original
    change = {"range": {"start": {"line": line_no, "character": col}, "end": {"line": line_no, "character": col + 1}},
              "text": new}
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    diagnostics = wait_for_version(version)
    latencies.append((time.perf_counter() - t) * 1000)
    if len(diagnostics) != len(first):
        raise SystemExit("edit %d changed the findings: %d, not %d" % (i + 1, len(diagnostics), len(first)))
    if (i + 1) % 250 == 0:
        memory.append((i + 1, rss_kib() // 1024))

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=60)
shutil.rmtree(work)
latencies.sort()
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print("%d edits: diagnostics after didChange: median %.1f ms, p90 %.1f ms, max %.1f ms"
      % (edits, pick(0.5), pick(0.9), latencies[-1]))
print("RSS after edits: " + ", ".join("%d: %d MiB" % m for m in memory))
