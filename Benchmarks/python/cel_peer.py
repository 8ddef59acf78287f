"""The CELBench expression on the Python CEL peer (`pip install common-expression-language`, module `cel`).

Same data as Benchmarks/CELBench: an account with 10 task records (maps here: the peer has no host objects).
Each execute() converts the Python context to CEL values, so the figure includes context building.
Run: python3 Benchmarks/python/cel_peer.py
"""
import datetime
import time

import cel

EXPR = (
    "account.tasks.filter(t, t.task == 'IAMCreateRootUserPassword').all(r, account.tasks.exists(d, "
    "d.task == 'IAMDeleteRootUserCredentials' && d.startedAt > r.startedAt) || now - r.startedAt < duration('24h'))"
)

base = datetime.datetime.fromtimestamp(1_732_000_000, tz=datetime.timezone.utc)
names = ["IAMCreateRootUserPassword", "IAMDeleteRootUserCredentials", "IAMAuditRootUserCredentials"]
tasks = [
    {"task": names[k % 3], "startedAt": base + datetime.timedelta(hours=k), "account": "111122223333"}
    for k in range(10)
]
context = {"account": {"id": "111122223333", "tasks": tasks}, "now": base + datetime.timedelta(hours=12)}

program = cel.compile(EXPR)
assert program.execute(context) is True, program.execute(context)

iterations = 2_000
best = float("inf")
for _ in range(20):
    start = time.perf_counter_ns()
    for _ in range(iterations):
        program.execute(context)
    best = min(best, (time.perf_counter_ns() - start) / iterations)
print(f"python cel {EXPR[:30]}...: best {best:.0f} ns/op (20 rounds x {iterations}, includes context conversion)")
