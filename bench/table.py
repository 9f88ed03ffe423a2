"""Turns the RESULT lines of bench/run-all.sh into the markdown tables of docs/benchmarks.md.

Step times are the median over all measured steps of all runs of a side (warm-up excluded); "fastest" is the
quickest single step, the figure least disturbed by other load. Peak RSS is /usr/bin/time -v's maximum resident set
size, the median over the runs of a side. Ratios are ours / PyTorch.
"""
import statistics
import sys
from collections import defaultdict

TARGET_TIME = {"resnet18": 1.05, "resnet50": 1.15}
TARGET_MEM = 1.3


def parse(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT"):
                rows.append(dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv))
    return rows


def floats(s):
    return [float(v) for v in s.split(",")]


def mib(kib):
    return float(kib) / 1024


def main(path):
    rows = parse(path)
    runs = defaultdict(list)
    soak = defaultdict(list)
    for r in rows:
        key = (r["mode"], r["backbone"], int(r["size"]), int(r["batch"]))
        (soak if r["mode"] == "soak" else runs)[key + (r["side"],)].append(r)
    versions = {r["side"]: r.get("libtorch") or r.get("torch") for r in rows}
    print("Ours: DJL PyTorch engine, libtorch %s; PyTorch: torch %s. Ratio = ours / PyTorch.\n" % (
        versions.get("djl"), versions.get("torch")))

    keys = sorted({k[:4] for k in runs})

    def pairs(mode):
        """(key, ours' step times, PyTorch's, ours' peak RSS MiB, PyTorch's, ours' runs, PyTorch's) per configuration."""
        for k in keys:
            a, b = runs.get(k + ("djl",)), runs.get(k + ("torch",))
            if k[0] == mode and a and b:
                yield (k, [v for r in a for v in floats(r["all_ms"])], [v for r in b for v in floats(r["all_ms"])],
                       statistics.median(mib(r["time_v_max_rss_kib"]) for r in a),
                       statistics.median(mib(r["time_v_max_rss_kib"]) for r in b), a, b)

    print("| Training step (batch 32) | ours ms | PyTorch ms | time ratio | fastest-step ratio | target | "
          "ours peak RSS MiB | PyTorch peak RSS MiB | memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for k, ta, tb, ma, mb, _, _ in pairs("train"):
        target = TARGET_TIME.get(k[1])
        print("| %s %d px | %.0f | %.0f | %.2f | %.2f | %s | %.0f | %.0f | %.2f |" % (
            k[1], k[2], statistics.median(ta), statistics.median(tb), statistics.median(ta) / statistics.median(tb),
            min(ta) / min(tb), "≤ %.2f time, ≤ %.1f memory" % (target, TARGET_MEM) if target else "",
            ma, mb, ma / mb))

    print("\n| Step phases, median ms (ours / PyTorch) | forward + loss | backward | optimizer | "
          "RSS after model set-up MiB |")
    print("|---|---|---|---|---|")
    for k, _, _, _, _, a, b in pairs("train"):
        cell = lambda f: "%.0f / %.0f" % (statistics.median(float(r[f]) for r in a),
                                          statistics.median(float(r[f]) for r in b))
        print("| %s %d px | %s | %s | %s | %s |" % (k[1], k[2], cell("forward_ms"), cell("backward_ms"),
                                                    cell("optimizer_ms"), cell("init_rss_mib")))

    print("\n| Inference (eval mode, no gradients) | ours clusters/s | PyTorch clusters/s | throughput ratio | "
          "fastest-batch ratio | ours peak RSS MiB | PyTorch peak RSS MiB | memory ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for k, ta, tb, ma, mb, _, _ in pairs("infer"):
        ca, cb = k[3] * 1000 / statistics.median(ta), k[3] * 1000 / statistics.median(tb)
        print("| %s %d px, batch %d | %.1f | %.1f | %.2f | %.2f | %.0f | %.0f | %.2f |" % (
            k[1], k[2], k[3], ca, cb, ca / cb, min(tb) / min(ta), ma, mb, ma / mb))

    for k, rs in sorted(soak.items()):
        print("\nSoak, %s, %s %d px, batch %d, %s thread(s): peak RSS (time -v) %.0f MiB\n" % (
            "ours" if k[4] == "djl" else "PyTorch", k[1], k[2], k[3], rs[0]["threads"],
            mib(rs[-1]["time_v_max_rss_kib"])))
        print("| after step | " + " | ".join(r["step"] for r in rs) + " |")
        print("|---" * (len(rs) + 1) + "|")
        for field, label in [("rss_mib", "RSS MiB"), ("heap_committed_mib", "Java heap committed MiB"),
                             ("heap_used_mib", "Java heap used MiB"), ("step_ms", "median step ms")]:
            if field in rs[0]:
                print("| %s | %s |" % (label, " | ".join("%.0f" % float(r[field]) for r in rs)))


if __name__ == "__main__":
    main(sys.argv[1])
