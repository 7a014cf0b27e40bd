"""CUDA check for exported facemark models, run on a GPU machine without Java.

The Java tracker's `--device cuda` uses ONNX Runtime's CUDA execution provider (onnxruntime_gpu jar).
This script exercises the same provider through ONNX Runtime's Python binding on the same ONNX file:
it reports which providers are available, proves the CUDA provider really runs the graph (profiling
shows the nodes on CUDAExecutionProvider), and compares per-face latency and batch throughput with
the CPU provider. Usage: python3 cuda_check.py MODEL.onnx [OUT.json]
"""
import json, os, subprocess, sys, time

import numpy as np

model = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "cuda_check.json"
report = {"model": model}
try:
    report["nvidia_smi"] = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                                           "--format=csv,noheader"], capture_output=True, text=True).stdout.strip()
except Exception as e:  # noqa: BLE001
    report["nvidia_smi"] = "unavailable: %s" % e

import onnxruntime as ort

report["onnxruntime"] = ort.__version__
report["providers_available"] = ort.get_available_providers()
print("onnxruntime", ort.__version__, "providers:", report["providers_available"], flush=True)


def bench(providers, batch, threads=1, runs=200, profile=False):
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    if profile:
        so.enable_profiling = True
    sess = ort.InferenceSession(model, so, providers=providers)
    inp = sess.get_inputs()[0]
    c, h, w = inp.shape[1], inp.shape[2], inp.shape[3]
    x = np.random.RandomState(0).rand(batch, c, h, w).astype(np.float32)
    for _ in range(20):
        sess.run(None, {inp.name: x})
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        sess.run(None, {inp.name: x})
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    res = {"providers_used": sess.get_providers(), "batch": batch, "threads": threads,
           "p50_ms": times[len(times) // 2], "p90_ms": times[int(len(times) * 0.9)],
           "faces_per_s": batch * 1000.0 / times[len(times) // 2]}
    if profile:
        path = sess.end_profiling()
        with open(path) as f:
            events = json.load(f)
        eps = {}
        for e in events:
            p = e.get("args", {}).get("provider")
            if p and e.get("cat") == "Node":
                eps[p] = eps.get(p, 0) + 1
        res["profiled_node_events_by_provider"] = eps
        os.remove(path)
    return res


rows = []
for batch in (1, 8, 64):
    rows.append({"device": "cpu", **bench(["CPUExecutionProvider"], batch, threads=1)})
    print(rows[-1], flush=True)
if "CUDAExecutionProvider" in report["providers_available"]:
    for batch in (1, 8, 64, 512):
        rows.append({"device": "cuda", **bench(["CUDAExecutionProvider", "CPUExecutionProvider"], batch,
                                               profile=(batch == 1))})
        print(rows[-1], flush=True)
else:
    report["cuda_note"] = "this onnxruntime build has no CUDAExecutionProvider"
report["rows"] = rows
with open(out, "w") as f:
    json.dump(report, f, indent=1)
print(json.dumps(report, indent=1))
