"""Per-operator comparison of two profiler traces of training steps: ours (TrainingStepBenchmark profile, libtorch's
profiler through DJL) and PyTorch's (torch_bench.py profile).

For each operator name: calls and self time (time in the operator less the operators it called) per profiled step,
summed over threads, and the ratio ours / PyTorch; the operators with the largest self time on either side first.
Usage: ops.py OURS_TRACE OURS_STEPS TORCH_TRACE TORCH_STEPS [TOP]
"""
import json
import sys
from collections import defaultdict


def events(path):
    with open(path) as f:
        data = json.load(f)
    evs = data["traceEvents"] if isinstance(data, dict) else data
    return [e for e in evs if e.get("ph") == "X" and "dur" in e and e.get("cat", "cpu_op") in ("cpu_op", "Operator")]


def self_times(evs):
    """{name: [calls, self µs]} from complete events, nesting taken per thread from the time stamps."""
    out = defaultdict(lambda: [0, 0.0])
    by_thread = defaultdict(list)
    for e in evs:
        by_thread[(e.get("pid"), e.get("tid"))].append(e)
    for thread in by_thread.values():
        thread.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # [end, name, child time]
        for e in thread:
            ts, dur = float(e["ts"]), float(e["dur"])
            while stack and stack[-1][0] <= ts:
                close(stack.pop(), out)
            if stack:
                stack[-1][2] += dur
            stack.append([ts + dur, e["name"], 0.0, dur])
        while stack:
            close(stack.pop(), out)
    return out


def close(frame, out):
    end, name, children, dur = frame
    out[name][0] += 1
    out[name][1] += max(0.0, dur - children)


def main(ours_path, ours_steps, torch_path, torch_steps, top=30):
    a = {k: (v[0] / ours_steps, v[1] / ours_steps / 1000) for k, v in self_times(events(ours_path)).items()}
    b = {k: (v[0] / torch_steps, v[1] / torch_steps / 1000) for k, v in self_times(events(torch_path)).items()}
    names = sorted(set(a) | set(b), key=lambda n: -max(a.get(n, (0, 0))[1], b.get(n, (0, 0))[1]))
    print("| operator | calls/step ours | calls/step PyTorch | self ms/step ours | self ms/step PyTorch | ratio |")
    print("|---|---|---|---|---|---|")
    for n in names[:top]:
        ca, ta = a.get(n, (0, 0.0))
        cb, tb = b.get(n, (0, 0.0))
        print("| `%s` | %.0f | %.0f | %.1f | %.1f | %s |" % (n, ca, cb, ta, tb, "%.2f" % (ta / tb) if tb > 0 else "–"))
    print("| all operators | %.0f | %.0f | %.1f | %.1f | %.2f |" % (
        sum(v[0] for v in a.values()), sum(v[0] for v in b.values()), sum(v[1] for v in a.values()),
        sum(v[1] for v in b.values()), sum(v[1] for v in a.values()) / sum(v[1] for v in b.values())))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), *(int(v) for v in sys.argv[5:6]))
