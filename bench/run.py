#!/usr/bin/env python3
"""vbash benchmarks: ratios against bash, dash and busybox in one run.

    bench/run.py [--quick] [--build DIR]

Writes bench/results/latest.md and bench/results/latest.json. Every case is
measured for every shell side by side: after a warm-up, runs are interleaved
(vbash, bash, dash, busybox, vbash, ...) so machine noise hits all alike.
Reported: median wall time, spread (p10-p90), peak RSS, and vbash/peer.
Times are never asserted: --quick only checks that the harness works and
that vbash's output agrees with bash's.
"""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name, script, posix (dash/busybox can run it), scale (iterations)
CASES = [
    ("startup", "true", True, 1),
    ("echo", "echo hi", True, 1),
    ("arith_loop", "i=0; while (( i < N )); do (( i++ )); done; echo $i", False, 200000),
    ("posix_loop", 'i=0; while [ "$i" -lt N ]; do i=$((i+1)); done; echo $i', True, 100000),
    ("function_calls", "f() { :; }; i=0; while (( i < N )); do f; (( i++ )); done; echo $i", False, 100000),
    ("cmdsubst", "i=0; while (( i < N )); do x=$(echo hi); (( i++ )); done; echo $x", False, 5000),
    ("string_ops", 'x=aXbXcXdXeXfXgXhXiXj; i=0; while (( i < N )); do y=${x//X/-}; z=${x#*X}; '
                   'case $z in b*) : ;; esac; (( i++ )); done; echo $y $z', False, 50000),
    ("files_10k", 'mkdir d; i=0; while [ $i -lt N ]; do echo $i > d/f$i; i=$((i+1)); done; '
                  'ls d | wc -l; rm -r d', True, 10000),
    ("pipeline_seq_sort", "seq N | sort -rn | head -n 3", True, 200000),
]

PEERS = [
    ("bash", ["bash", "-c"]),
    ("dash", ["dash", "-c"]),
    ("busybox", ["busybox", "sh", "-c"]),
]


def run_once(argv, cwd):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    out, err = p.communicate()
    dt = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return dt, out, err, p.returncode, ru.ru_maxrss


def peak_rss(argv, cwd):
    """Peak RSS (KiB) of one run, through /usr/bin/time's %M when present."""
    if not shutil.which("/usr/bin/time"):
        return None
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return int(p.stderr.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * q))]


def main():
    quick = "--quick" in sys.argv
    build = os.path.join(ROOT, "build")
    if "--build" in sys.argv:
        build = os.path.abspath(sys.argv[sys.argv.index("--build") + 1])
    vbash = os.path.join(build, "vbash")
    if not os.path.exists(vbash):
        print("bench: build first (make build)", file=sys.stderr)
        return 2
    shells = [("vbash", [vbash, "-c"])] + [(n, a) for n, a in PEERS if shutil.which(a[0])]
    reps = 3 if quick else 11
    work = os.path.join(ROOT, "bench", "work")
    os.makedirs(work, exist_ok=True)
    results = []
    mismatches = 0
    for name, script, posix, scale in CASES:
        n = max(1, scale // 50) if quick else scale
        text = script.replace("N", str(n))
        row = {"case": name, "script": text, "shells": {}}
        runnable = [(s, a) for s, a in shells if posix or s in ("vbash", "bash")]
        times = {s: [] for s, _ in runnable}
        outs = {}
        for s, a in runnable:  # warm-up, and the output check
            dirs = os.path.join(work, s)
            shutil.rmtree(dirs, ignore_errors=True)
            os.makedirs(dirs)
            _, out, err, rc, _ = run_once(a + [text], dirs)
            outs[s] = (out, rc)
        for _ in range(reps):
            for s, a in runnable:
                dirs = os.path.join(work, s)
                shutil.rmtree(dirs, ignore_errors=True)
                os.makedirs(dirs)
                dt, out, err, rc, _ = run_once(a + [text], dirs)
                times[s].append(dt * 1000.0)
        for s, a in runnable:
            dirs = os.path.join(work, s)
            shutil.rmtree(dirs, ignore_errors=True)
            os.makedirs(dirs)
            row["shells"][s] = {
                "median_ms": statistics.median(times[s]),
                "p10_ms": pct(times[s], 0.1),
                "p90_ms": pct(times[s], 0.9),
                "peak_rss_kib": peak_rss(a + [text], dirs),
                "status": outs[s][1],
            }
        agree = outs.get("vbash") == outs.get("bash")
        row["agrees_with_bash"] = agree
        if not agree:
            mismatches += 1
            print(f"bench: {name}: vbash output differs from bash: "
                  f"{outs.get('vbash')!r} vs {outs.get('bash')!r}", file=sys.stderr)
        results.append(row)
        print(f"bench: {name} done", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)

    core = []
    core_bin = os.path.join(build, "bench_core_bench")
    if os.path.exists(core_bin):
        p = subprocess.run([core_bin] + (["--quick"] if quick else []),
                           stdout=subprocess.PIPE, text=True)
        core = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
        bash_echo = next((r for r in results if r["case"] == "echo"), None)
        if bash_echo and "bash" in bash_echo["shells"]:
            core.append({"case": "bash -c 'echo hi' (process)", "unit": "us",
                         "median": bash_echo["shells"]["bash"]["median_ms"] * 1000.0})

    lines = ["# vbash benchmarks", "",
             f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{os.cpu_count()} cores, {'quick' if quick else 'full'} mode, {reps} runs per case "
             "(interleaved, after a warm-up). Wall time median in ms (p10-p90); ratio = peer / vbash "
             "(> 1: vbash is faster).", "",
             "## Whole processes (`SHELL -c SCRIPT`)", ""]
    names = [s for s, _ in shells]
    lines.append("| case | " + " | ".join(names) + " | " +
                 " | ".join(f"{s}/vbash" for s in names[1:]) + " | same output as bash |")
    lines.append("|---" * (1 + len(names) + len(names) - 1 + 1) + "|")
    for r in results:
        cells = []
        for s in names:
            m = r["shells"].get(s)
            cells.append(f"{m['median_ms']:.2f} ({m['p10_ms']:.2f}-{m['p90_ms']:.2f})"
                         + (f", {m['peak_rss_kib']} KiB" if m and m.get('peak_rss_kib') else "")
                         if m else "n/a (bash-only syntax)")
        v = r["shells"]["vbash"]["median_ms"]
        ratios = []
        for s in names[1:]:
            m = r["shells"].get(s)
            ratios.append(f"{m['median_ms'] / v:.2f}x" if m and v > 0 else "n/a")
        lines.append(f"| {r['case']} | " + " | ".join(cells) + " | " + " | ".join(ratios) +
                     f" | {'yes' if r['agrees_with_bash'] else 'NO'} |")
    if core:
        lines += ["", "## In process (libvbash, `bench/core_bench.c`)", "",
                  "| case | median | p10 | p90 | unit |", "|---|---|---|---|---|"]
        for c in core:
            lines.append(f"| {c['case']} | {c['median']:.2f} | {c.get('p10', c['median']):.2f} | "
                         f"{c.get('p90', c['median']):.2f} | {c['unit']} |")
    lines += ["", "Scripts:", ""] + [f"- {r['case']}: `{r['script']}`" for r in results]
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    suffix = "-quick" if quick else ""
    with open(os.path.join(ROOT, "bench", "results", f"latest{suffix}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(ROOT, "bench", "results", f"latest{suffix}.json"), "w") as f:
        json.dump({"process": results, "in_process": core}, f, indent=1)
    print("\n".join(lines))
    if quick and mismatches:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
