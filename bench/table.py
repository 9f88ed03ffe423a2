"""Turns the RESULT lines of bench/run-all.sh into the markdown tables of docs/benchmarks.md.

Step times are the median over all measured steps of all runs of a side (warm-up excluded); "fastest" is the
quickest single step, the figure least disturbed by other load. Peak RSS is /usr/bin/time -v's maximum resident set
size, the median over the runs of a side. Ratios are ours / PyTorch.

Refuses (exit status 3, the reasons on stdout) to print the tables when any run started with a load average above
MAX_LOAD; a run during which other processes used more than MAX_OTHER cores is left out (and listed), and the table
is refused if that leaves a side of a configuration without a run. --draft prints the tables anyway, headed by the
reasons. Our figures are always compared with bench/baseline.tsv (or --baseline FILE), so that a slowdown in our
code shows without PyTorch; --write-baseline FILE writes our figures of this run as a new baseline.
Usage: table.py [--draft] [--baseline FILE] [--write-baseline FILE] results.txt
"""
import argparse
import os
import statistics
import sys
from collections import defaultdict

MAX_LOAD = 1.5
MAX_OTHER = 0.25
TARGET_TIME = {"resnet18": 1.05, "resnet50": 1.10}
TARGET_MEM = 1.05  # at 224 px
TARGET_OPTIMIZER = 1.5
TARGET_THROUGHPUT = 1.0
BASELINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "baseline.tsv")
BASELINE_COLUMNS = ["mode", "backbone", "size", "batch", "median_ms", "fastest_ms", "forward_ms", "backward_ms",
                    "optimizer_ms", "peak_rss_mib"]


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


def med(rs, field):
    return statistics.median(float(r[field]) for r in rs) if all(field in r for r in rs) else float("nan")


def run_name(r):
    return "%s %s %s %s px batch %s" % (r["side"], r["mode"], r["backbone"], r["size"], r["batch"])


def disturbed(r):
    return float(r.get("other_cores", 0)) > MAX_OTHER


def refusals(rows):
    """Why the runs do not make a publishable table (empty if they do): a run started above MAX_LOAD, or a side of a
    configuration left without an undisturbed run."""
    why = []
    for r in rows:
        if "load_before" not in r:
            why.append("%s: no load average recorded" % run_name(r))
        elif float(r["load_before"]) > MAX_LOAD:
            why.append("%s: load average %s before the run, above %.1f" % (run_name(r), r["load_before"], MAX_LOAD))
    clean = {run_name(r) for r in rows if not disturbed(r)}
    for r in rows:
        if disturbed(r) and run_name(r) not in clean:
            why.append("%s: every run shared the machine with more than %.2f cores of other work" % (
                run_name(r), MAX_OTHER))
    return list(dict.fromkeys(why))


def ours(runs):
    """Our figures per configuration, as baseline rows."""
    out = {}
    for k, rs in runs.items():
        if k[4] != "djl":
            continue
        t = [v for r in rs for v in floats(r["all_ms"])]
        out[k[:4]] = {"median_ms": statistics.median(t), "fastest_ms": min(t), "forward_ms": med(rs, "forward_ms"),
                      "backward_ms": med(rs, "backward_ms"), "optimizer_ms": med(rs, "optimizer_ms"),
                      "peak_rss_mib": statistics.median(mib(r["time_v_max_rss_kib"]) for r in rs)}
    return out


def read_baseline(path):
    base = {}
    if not os.path.exists(path):
        return base
    with open(path) as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    header = lines[0]
    for cells in lines[1:]:
        r = dict(zip(header, cells))
        base[(r["mode"], r["backbone"], int(r["size"]), int(r["batch"]))] = {c: float(r[c]) for c in header[4:]}
    return base


def write_baseline(path, figures, machine):
    with open(path, "w") as f:
        f.write("# Our figures from bench/run-all.sh (bench/table.py --write-baseline); %s\n" % machine)
        f.write("\t".join(BASELINE_COLUMNS) + "\n")
        for k in sorted(figures):
            f.write("\t".join([k[0], k[1], str(k[2]), str(k[3])] + ["%.1f" % figures[k][c] for c in
                                                                     BASELINE_COLUMNS[4:]]) + "\n")


def change(now, then):
    return "%+.0f %%" % (100 * (now / then - 1)) if then == then and then > 0 and now == now else "–"


def met(ok):
    return "met" if ok else "**missed**"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results")
    p.add_argument("--draft", action="store_true")
    p.add_argument("--baseline", default=BASELINE)
    p.add_argument("--write-baseline")
    opts = p.parse_args()
    rows = parse(opts.results)
    why = refusals(rows)
    if why and not opts.draft:
        print("Not writing the published table: the machine was not quiet enough.")
        print("\n".join("- " + w for w in why))
        print("Re-run on an idle machine, or pass --draft to see the figures anyway.")
        return 3
    if why:
        print("**DRAFT, not for publication**: the machine was not quiet enough.\n")
        print("\n".join("- " + w for w in why) + "\n")

    dropped = [r for r in rows if disturbed(r) and r["mode"] != "soak"]
    if dropped:
        print("Left out, other processes used more than %.2f cores during the run (the other runs of the same side "
              "remain):\n" % MAX_OTHER)
        print("\n".join("- %s: %s cores" % (run_name(r), r["other_cores"]) for r in dropped) + "\n")
    runs = defaultdict(list)
    soak = defaultdict(list)
    for r in rows:
        if r in dropped:
            continue
        key = (r["mode"], r["backbone"], int(r["size"]), int(r["batch"]))
        (soak if r["mode"] == "soak" else runs)[key + (r["side"],)].append(r)
    versions = {r["side"]: r.get("libtorch") or r.get("torch") for r in rows}
    loads = [float(r["load_before"]) for r in rows if "load_before" in r]
    others = [float(r["other_cores"]) for r in rows if "other_cores" in r]
    print("Ours: DJL PyTorch engine, libtorch %s; PyTorch: torch %s. Ratio = ours / PyTorch. Load average before "
          "the runs %.2f–%.2f; other processes used %.2f–%.2f cores during them.\n" % (
              versions.get("djl"), versions.get("torch"), min(loads, default=float("nan")),
              max(loads, default=float("nan")), min(others, default=float("nan")), max(others, default=float("nan"))))

    keys = sorted({k[:4] for k in runs})

    def pairs(mode):
        """(key, ours' step times, PyTorch's, ours' peak RSS MiB, PyTorch's, ours' runs, PyTorch's) per configuration."""
        for k in keys:
            a, b = runs.get(k + ("djl",)), runs.get(k + ("torch",))
            if k[0] == mode and a and b:
                yield (k, [v for r in a for v in floats(r["all_ms"])], [v for r in b for v in floats(r["all_ms"])],
                       statistics.median(mib(r["time_v_max_rss_kib"]) for r in a),
                       statistics.median(mib(r["time_v_max_rss_kib"]) for r in b), a, b)

    if any(True for _ in pairs("train")):
        print("| Training step (batch 32) | ours ms | PyTorch ms | median-step ratio | fastest-step ratio | time target | "
              "ours peak RSS MiB | PyTorch peak RSS MiB | memory ratio | memory target |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for k, ta, tb, ma, mb, _, _ in pairs("train"):
            ratio, target = statistics.median(ta) / statistics.median(tb), TARGET_TIME.get(k[1])
            mem = "≤ %.2f: %s" % (TARGET_MEM, met(ma / mb <= TARGET_MEM)) if k[2] >= 224 else ""
            print("| %s %d px | %.0f | %.0f | %.2f | %.2f | %s | %.0f | %.0f | %.2f | %s |" % (
                k[1], k[2], statistics.median(ta), statistics.median(tb), ratio, min(ta) / min(tb),
                "≤ %.2f: %s" % (target, met(ratio <= target)) if target else "", ma, mb, ma / mb, mem))

        print("\n| Step phases, median ms (ours / PyTorch) | forward + loss | backward | optimizer | optimizer ratio "
              "(target ≤ %.1f) | RSS after model set-up MiB |" % TARGET_OPTIMIZER)
        print("|---|---|---|---|---|---|")
        for k, _, _, _, _, a, b in pairs("train"):
            cell = lambda f: "%.0f / %.0f" % (med(a, f), med(b, f))
            opt = med(a, "optimizer_ms") / med(b, "optimizer_ms")
            print("| %s %d px | %s | %s | %s | %.2f: %s | %s |" % (
                k[1], k[2], cell("forward_ms"), cell("backward_ms"), cell("optimizer_ms"), opt,
                met(opt <= TARGET_OPTIMIZER), cell("init_rss_mib")))

    if any(True for _ in pairs("infer")):
        print("\n| Inference (eval mode, no gradients) | ours clusters/s | PyTorch clusters/s | throughput ratio "
              "(target ≥ %.1f) | fastest-batch ratio | ours peak RSS MiB | PyTorch peak RSS MiB | memory ratio |" %
              TARGET_THROUGHPUT)
        print("|---|---|---|---|---|---|---|---|")
        for k, ta, tb, ma, mb, _, _ in pairs("infer"):
            ca, cb = k[3] * 1000 / statistics.median(ta), k[3] * 1000 / statistics.median(tb)
            print("| %s %d px, batch %d | %.1f | %.1f | %.2f: %s | %.2f | %.0f | %.0f | %.2f |" % (
                k[1], k[2], k[3], ca, cb, ca / cb, met(ca / cb >= TARGET_THROUGHPUT), min(tb) / min(ta), ma, mb,
                ma / mb))

    figures = ours(runs)
    base = read_baseline(opts.baseline)
    if base:
        print("\nOurs against the baseline (%s); positive = slower or larger now.\n" % os.path.relpath(opts.baseline))
        print("| ours | median ms then → now | change | fastest ms change | optimizer ms then → now | "
              "peak RSS MiB then → now | change |")
        print("|---|---|---|---|---|---|---|")
        for k in sorted(figures):
            if k in base:
                n, t = figures[k], base[k]
                print("| %s %s %d px, batch %d | %.0f → %.0f | %s | %s | %s | %.0f → %.0f | %s |" % (
                    k[0], k[1], k[2], k[3], t["median_ms"], n["median_ms"], change(n["median_ms"], t["median_ms"]),
                    change(n["fastest_ms"], t["fastest_ms"]),
                    "%.0f → %.0f" % (t["optimizer_ms"], n["optimizer_ms"]) if k[0] == "train" else "",
                    t["peak_rss_mib"], n["peak_rss_mib"], change(n["peak_rss_mib"], t["peak_rss_mib"])))
    if opts.write_baseline:
        if why:
            print("\nNot writing a baseline from a draft run.", file=sys.stderr)
            return 3
        info = os.path.join(os.path.dirname(opts.results), "machine.txt")
        machine = open(info).readline().strip("# \n") if os.path.exists(info) else ""
        write_baseline(opts.write_baseline, figures, machine)

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
