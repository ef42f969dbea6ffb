#!/usr/bin/env python3
"""vbash benchmarks: vbash side by side with its peers, in one run.

    bench/run.py [--quick] [--build DIR] [--peers DIR] [--no-peers]
                 [--only NAME,NAME] [--data DIR]

Writes bench/results/latest.md and .json (--quick: latest-quick.*).

Peers: GNU bash, dash and busybox sh (whole processes), just-bash and
@everruns/bashkit (in-process through bench/peers/*.mjs, installed by
bench/peers/setup into BUILD/peers; Node's start-up is measured apart and
only the exec of the script is timed), and the GNU tools, gawk, mawk and
jq for the text cases.

First, issue 2's targets: each with the figure measured and this machine's
floor measured in the same run (an empty C program's start-up; 4 KiB
copied into fresh pages), and whether it is met. Then three sections:
  1. shell cases: every script runs at N and 2N iterations; the figure is the
     cost of one iteration, (median(2N) - median(N)) / N, so start-up is
     subtracted; whole-run medians and p10-p90 are in the JSON. The start-up
     case also runs an empty static and an empty dynamic C program, built
     with cc at bench time, interleaved with the shells.
  2. in process: create + exec("echo hi") + free (bench/core_bench.c for
     vbash, each peer's API), session fork (by number of files, and with a
     shell state of variables and functions), 10,000 idle sessions, VFS
     create+write next to the host's tmpfs and to the page-touch floor.
  3. data cases: 100 MB of text, 1,000,000 lines, 50 MB of JSON, trees of
     10,000 files and 100,000 entries, generated deterministically on tmpfs.
     vbash copies its inputs into the VFS first (untimed); GNU reads tmpfs.
     Each run is timed inside the shell around the work alone
     ($EPOCHREALTIME), output to a file (not /dev/null: GNU grep stops at
     the first match when its output is /dev/null); the first run (warm-up)
     writes the output that is compared with the reference's.
All measurements are interleaved (vbash, peer, vbash, peer, ...) after a
warm-up. Times are never asserted: --quick (CI) checks the harness works and
that every output agrees with the reference, on small inputs.
"""
import hashlib
import json
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------- shell cases
# name, script (N = iterations), posix (dash/busybox can run it), N (full mode)
SHELL_CASES = [
    ("startup", "true", True, 0),
    ("arith_loop", "i=0; while (( i < N )); do (( i++ )); done; echo $i", False, 50000),
    ("posix_loop", 'i=0; while [ "$i" -lt N ]; do i=$((i+1)); done; echo $i', True, 20000),
    ("function_calls", "f() { :; }; i=0; while (( i < N )); do f; (( i++ )); done; echo $i",
     False, 20000),
    ("string_ops", 'x=aXbXcXdXeXfXgXhXiXj; i=0; while (( i < N )); do y=${x//X/-}; z=${x#*X}; '
                   'case $z in b*) : ;; esac; (( i++ )); done; echo $y $z', False, 10000),
    ("cmdsubst", "i=0; while (( i < N )); do x=$(echo hi); (( i++ )); done; echo $x", False, 500),
    ("files_10k", 'mkdir d; i=0; while [ $i -lt N ]; do echo $i > d/f$i; i=$((i+1)); done; '
                  'ls d | wc -l; rm -r d', True, 10000),
    ("pipeline_seq_sort", "seq N | sort -rn | head -n 3", True, 100000),
]

PROCESS_SHELLS = [
    ("bash", ["bash", "-c"]),
    ("dash", ["dash", "-c"]),
    ("busybox", ["busybox", "sh", "-c"]),
]
NODE_PEERS = ["just-bash", "bashkit"]
# The in-process peers run the shell cases with N / PEER_N_DIV iterations
# (they are much slower); the figure is per iteration, so it compares.
PEER_N_DIV = 10
# Time limit of one data case under an in-process peer.
PEER_DATA_TIMEOUT_MS = 5000
# ... and of all of them (a peer may not stop a command at its limit)
PEER_DATA_RUN_S = 300

# ---------------------------------------------------------------- data cases
# name, inputs (copied into vbash's VFS), setup (untimed, once), pre (untimed,
# before each run), work (timed), refs, normalisation of the output for the
# comparison. In scripts, AWK is the awk of the tool set and $T a scratch dir.
DATA_CASES = [
    ("cat", ["text.txt"], "", "", "cat text.txt", ["gnu"], None),
    ("wc_l", ["text.txt"], "", "", "wc -l text.txt", ["gnu"], None),
    ("head", ["text.txt"], "", "", "head -n HALF text.txt", ["gnu"], None),
    ("tail", ["text.txt"], "", "", "tail -n HALF text.txt", ["gnu"], None),
    ("grep_F", ["text.txt"], "", "", "grep -F 'kilo-zulu' text.txt", ["gnu"], None),
    ("grep_E", ["text.txt"], "", "", "grep -E 'ec(ho|ko) [0-9]+7 ' text.txt", ["gnu"], None),
    ("grep_c", ["text.txt"], "", "", "grep -c alpha text.txt", ["gnu"], None),
    ("sed_s_g", ["text.txt"], "", "", "sed 's/a/b/g' text.txt", ["gnu"], None),
    ("awk_sum", ["text.txt"], "", "", "AWK '{s+=$3} END{print s}' text.txt",
     ["gnu", "mawk"], None),
    ("awk_rewrite", ["text.txt"], "", "", "AWK '{$2=\"x\"; $4=$4 $3; print}' text.txt",
     ["gnu", "mawk"], None),
    ("sort_uniq_c", ["text.txt"], "", "",
     "cut -d' ' -f2 text.txt | sort | uniq -c | sort -rn | head", ["gnu"], None),
    ("cut_tr_wc", ["text.txt"], "", "", "cut -d' ' -f2,4 text.txt | tr a-z A-Z | wc -c",
     ["gnu"], None),
    ("sort_1m", ["lines.txt"], "", "", "sort lines.txt", ["gnu"], None),
    ("md5sum", ["text.txt"], "", "", "md5sum text.txt", ["gnu"], None),
    ("sha256sum", ["text.txt"], "", "", "sha256sum text.txt", ["gnu"], None),
    ("ls_lR", ["tree"], "", "", "ls -lR tree", ["gnu"], "ls"),
    ("jq_select", ["data.json"], "", "", "jq '.[] | select(.x > 5) | .name' data.json",
     ["gnu"], None),
    ("find_name", ["ftree"], "", "", "find ftree -name '*7.f'", ["gnu"], "sort"),
    ("grep_r", ["tree"], "", "", "grep -r 'needle' tree", ["gnu"], "sort"),
    ("tar_czf", ["tree"], "", "rm -f $T/a.tgz",
     "tar czf $T/a.tgz tree && tar tzf $T/a.tgz", ["gnu"], "sort"),
    ("tar_xzf", ["tree"], "tar czf $T/b.tgz tree", "rm -rf $T/x; mkdir $T/x",
     "tar xzf $T/b.tgz -C $T/x && find $T/x/tree -type f | wc -l", ["gnu"], None),
]

REF_LABEL = {"gnu": "GNU", "mawk": "mawk"}
# one timed run after the checked one (each run takes seconds)
SLOW_DATA_CASES = {"jq_select", "sort_1m"}


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * q))] if s else None


def stats(values):
    if not values:
        return None
    return {"median": statistics.median(values), "p10": pct(values, 0.1),
            "p90": pct(values, 0.9), "n": len(values)}


def run_proc(argv, cwd, timeout=None, stdin=None):
    """Runs argv; returns (seconds, stdout, stderr, status, peak RSS KiB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                         stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, out, err, "timeout", None
    dt = time.perf_counter() - t0
    # wait4's rusage is gone after communicate(); /proc is gone too: the
    # peak RSS comes from a separate run (peak_rss) where it matters.
    return dt, out, err, p.returncode, None


def peak_rss(argv, cwd):
    """Peak RSS (KiB) of one run: the largest process of its tree, through
    /usr/bin/time (a small parent: a child forked from this Python process
    would keep Python's own high-water mark across its exec)."""
    if not os.path.exists("/usr/bin/time"):
        return None
    p = subprocess.run(["/usr/bin/time", "-f", "@@RSS %M"] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL)
    for line in reversed(p.stderr.decode(errors="replace").splitlines()):
        if line.startswith("@@RSS "):
            return int(line.split()[1])
    return None


def fmt_ms(s):
    if not s:
        return "n/a"
    return f"{s['median']:.2f} ({s['p10']:.2f}-{s['p90']:.2f})"


def fmt_num(v, unit=""):
    if v is None:
        return "n/a"
    if abs(v) >= 100:
        return f"{v:.0f}{unit}"
    if abs(v) >= 10:
        return f"{v:.1f}{unit}"
    return f"{v:.2f}{unit}"


def ratio(peer, vb):
    if peer is None or vb is None or vb <= 0 or peer <= 0:
        return "n/a"
    return f"{peer / vb:.2f}x"


# ---------------------------------------------------------------- node peers
class NodePeers:
    def __init__(self, peers_dir, enabled):
        self.dir = peers_dir
        self.available = {}
        self.missing = {}
        for p in NODE_PEERS:
            mod = {"just-bash": "just-bash", "bashkit": "@everruns/bashkit"}[p]
            if not enabled:
                self.missing[p] = "not run (--no-peers / quick mode)"
            elif not shutil.which("node"):
                self.missing[p] = "node not installed"
            elif not os.path.exists(os.path.join(peers_dir, "node_modules", mod, "package.json")):
                self.missing[p] = f"not installed (bench/peers/setup {os.path.dirname(peers_dir)})"
            else:
                self.available[p] = os.path.join(ROOT, "bench", "peers", p + ".mjs")

    def run(self, peer, job, timeout):
        """Runs one job in a fresh node process; returns its JSON or an error."""
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(dict(job, peers_dir=self.dir), f)
            path = f.name
        try:
            dt, out, err, rc, _ = run_proc(["node", self.available[peer], path], ROOT,
                                           timeout=timeout)
        finally:
            os.unlink(path)
        lines = [l for l in out.decode(errors="replace").splitlines() if l.startswith("{")]
        done = [json.loads(l)["case"] for l in lines if l.startswith('{"case":')]
        final = [l for l in lines if not l.startswith('{"case":')]
        if rc == "timeout" or not final:
            if not done:
                return {"error": f"killed after {timeout} s" if rc == "timeout" else
                        f"wrapper failed ({rc}): " +
                        err.decode(errors="replace").strip()[-300:]}
            names = {c["name"] for c in done}
            why = f"not reached: the run was killed after {timeout} s" if rc == "timeout" \
                else f"not reached: the wrapper failed ({rc})"
            return {"cases": done + [{"name": c["name"], "ok": False, "error": why}
                                     for c in job.get("cases", []) if c["name"] not in names],
                    "process_s": dt}
        lines = final
        if not lines:
            return {"error": f"wrapper failed ({rc}): " +
                    err.decode(errors="replace").strip().splitlines()[-1:][0][:300]
                    if err.strip() else f"wrapper failed ({rc})"}
        r = json.loads(lines[-1])
        r["process_s"] = dt
        return r

    def node_startup_ms(self, reps):
        if not shutil.which("node"):
            return None
        ts = []
        for _ in range(reps):
            dt, *_ = run_proc(["node", "-e", "0"], ROOT)
            ts.append(dt * 1000.0)
        return stats(ts)


# ---------------------------------------------------------------- section 1
# The floor of the start-up case: empty C programs, built at bench time with
# the host's cc and run by the same harness as the shells (their argument,
# the script, is ignored).
FLOOR_PROGRAMS = [("empty_static", "empty static C", ["-static"]),
                  ("empty_dynamic", "empty dynamic C", [])]


def build_floors(work, log):
    """Compiles the empty programs into work; returns ([(name, argv)],
    {name: why not built})."""
    cc = shutil.which("cc") or shutil.which("gcc")
    built, missing = [], {}
    if not cc:
        return built, {n: "no cc on this machine" for n, _, _ in FLOOR_PROGRAMS}
    work = os.path.join(work, "floor-bin")
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "empty.c")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    for name, _, flags in FLOOR_PROGRAMS:
        exe = os.path.join(work, name)
        try:
            p = subprocess.run([cc, "-O2"] + flags + ["-o", exe, src], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=300)
            ok = p.returncode == 0 and os.path.exists(exe)
            why = p.stdout.decode(errors="replace").strip().splitlines()[-1:] if not ok else []
        except subprocess.TimeoutExpired:
            ok, why = False, ["timed out"]
        if ok:
            built.append((name, [exe]))
        else:
            missing[name] = f"cc {' '.join(flags + ['empty.c'])} failed" + \
                (f": {why[0][:120]}" if why else "")
            log(f"bench: {name}: {missing[name]}")
    return built, missing


def shell_section(vbash, peers, quick, only, log):
    reps = 3
    shells = [("vbash", [vbash, "--profile", "permissive", "-c"])] + \
        [(n, a) for n, a in PROCESS_SHELLS if shutil.which(a[0])]
    work = tempfile.mkdtemp(prefix="vbash-bench-sh-")
    rows = []
    for name, script, posix, full_n in SHELL_CASES:
        if only and name not in only:
            continue
        n = max(1, full_n // 50) if quick else full_n
        texts = {1: script.replace("N", str(n)), 2: script.replace("N", str(2 * n))}
        scales = [1] if full_n == 0 or quick else [1, 2]
        runnable = [(s, a) for s, a in shells if posix or s in ("vbash", "bash")]
        row = {"case": name, "script": texts[1], "n": n, "shells": {}}
        floors, case_reps = [], reps
        if name == "startup":
            # start-up is short and noisy: more runs; and its floor
            case_reps = 5 if quick else 20
            floors, row["floors_missing"] = build_floors(work, log)
            runnable += floors
            row["floors"] = {}
        times = {(s, k): [] for s, _ in runnable for k in scales}
        outs = {}

        def one(s, a, k, keep):
            d = os.path.join(work, s)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            dt, out, err, rc, _ = run_proc(a + [texts[k]], d, timeout=600)
            if keep:
                outs[s] = (out, rc)
            return dt

        for s, a in runnable:  # warm-up and output check
            one(s, a, 1, True)
        for _ in range(case_reps):
            for s, a in runnable:
                for k in scales:
                    dt = one(s, a, k, False)
                    if dt is not None:
                        times[(s, k)].append(dt * 1000.0)
        for s, a in runnable:
            d = os.path.join(work, s)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            m = {"run_ms": stats(times[(s, 1)]), "status": outs[s][1],
                 "peak_rss_kib": peak_rss(a + [texts[scales[-1]]], d)}
            if (s, a) in floors:
                row["floors"][s] = m
                continue
            if 2 in scales and times[(s, 1)] and times[(s, 2)]:
                m["run2_ms"] = stats(times[(s, 2)])
                m["per_iter_us"] = (m["run2_ms"]["median"] - m["run_ms"]["median"]) * 1000.0 / n
            m["same_output"] = outs[s] == outs.get("bash") if s != "bash" else True
            row["shells"][s] = m
        row["agrees_with_bash"] = row["shells"]["vbash"]["same_output"]
        if not row["agrees_with_bash"]:
            log(f"bench: {name}: vbash output differs from bash: "
                f"{outs.get('vbash')!r} vs {outs.get('bash')!r}")
        rows.append(row)
        log(f"bench: {name} done")
    shutil.rmtree(work, ignore_errors=True)

    # the node peers: one process per peer runs every case, fresh instances;
    # their outputs are compared with bash's at the same N
    ref_cache = {}

    def pn_script(r):
        cn = next(c for c in SHELL_CASES if c[0] == r["case"])
        return cn[1].replace("N", str(max(1, r["n"] // PEER_N_DIV)))

    def bash_at(case, script):
        if (case, script) not in ref_cache:
            d = tempfile.mkdtemp(prefix="vbash-bench-ref-")
            _, out, _, _, _ = run_proc(["bash", "-c", script], d, timeout=600)
            shutil.rmtree(d, ignore_errors=True)
            ref_cache[(case, script)] = out
        return ref_cache[(case, script)]

    for peer in peers.available:
        cases = []
        outdir = tempfile.mkdtemp(prefix="vbash-bench-peer-")
        for r in rows:
            cn = next(c for c in SHELL_CASES if c[0] == r["case"])
            pn = max(1, r["n"] // PEER_N_DIV)
            for k in ([1] if cn[3] == 0 else [1, 2]):
                cases.append({"name": f"{r['case']}@{k}", "reps": reps,
                              "script": "cd /home/user; " + cn[1].replace("N", str(k * pn)),
                              "out": os.path.join(outdir, f"{r['case']}@{k}")})
        res = peers.run(peer, {"fresh": True, "timeout_ms": 60000, "cases": cases},
                        timeout=1800)
        for r in rows:
            m = {"in_process": True}
            if "error" in res:
                m["error"] = res["error"]
            else:
                c1 = next(c for c in res["cases"] if c["name"] == f"{r['case']}@1")
                c2 = next((c for c in res["cases"] if c["name"] == f"{r['case']}@2"), None)
                if not c1["ok"]:
                    m["error"] = c1.get("error") or f"status {c1.get('status')}"
                else:
                    m["run_ms"] = stats(c1["times_ms"])
                    m["create_ms"] = stats(c1["create_ms"])
                    m["status"] = c1["status"]
                    if c2 and c2["ok"] and c2["times_ms"]:
                        m["run2_ms"] = stats(c2["times_ms"])
                        m["n"] = max(1, r["n"] // PEER_N_DIV)
                        m["per_iter_us"] = (m["run2_ms"]["median"] -
                                            m["run_ms"]["median"]) * 1000.0 / m["n"]
                    with open(os.path.join(outdir, f"{r['case']}@1"), "rb") as f:
                        got = f.read()
                    bash_out = bash_at(r["case"], pn_script(r))
                    m["same_output"] = got == bash_out if bash_out is not None else None
                    if c1.get("stderr"):
                        m["stderr"] = c1["stderr"]
            r["shells"][peer] = m
        shutil.rmtree(outdir, ignore_errors=True)
        log(f"bench: shell cases under {peer} done")
    return rows


# ---------------------------------------------------------------- section 3
def gen_data(d, quick, log):
    """Deterministic inputs (a fixed LCG): text.txt (100 MB), lines.txt
    (1,000,000 lines), data.json (50 MB), tree/ (10,000 files), ftree/
    (100,000 entries). Quick mode: about 1/100 of each."""
    div = 100 if quick else 1
    os.makedirs(d, exist_ok=True)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
             "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa",
             "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
             "xray", "yankee", "zulu"]
    nw = len(words)
    state = [12345]

    def rnd():
        state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) & (2**64 - 1)
        return state[0] >> 33

    t0 = time.time()
    target = 100 * 1000 * 1000 // div
    with open(os.path.join(d, "text.txt"), "w") as f:
        size, i, chunk = 0, 0, []
        while size < target:
            r = rnd()
            line = (f"{i} {words[r % nw]} {r % 1000} {words[(r >> 5) % nw]}-"
                    f"{words[(r >> 10) % nw]} {words[(r >> 15) % nw]}{r % 97}\n")
            chunk.append(line)
            size += len(line)
            i += 1
            if len(chunk) == 10000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    nlines = 1000000 // div
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    with open(os.path.join(d, "lines.txt"), "w") as f:
        out = []
        for _ in range(nlines):
            r = rnd()
            out.append("".join(alphabet[(r >> (3 * k)) % 62] for k in range(10)) + "\n")
        f.write("".join(out))
    target = 50 * 1000 * 1000 // div
    with open(os.path.join(d, "data.json"), "w") as f:
        f.write("[\n")
        size, i = 0, 0
        while size < target:
            r = rnd()
            o = (f'{{"id":{i},"name":"{words[r % nw]}-{i}","x":{r % 10},'
                 f'"tags":["{words[(r >> 4) % nw]}","{words[(r >> 9) % nw]}"],'
                 f'"score":{(r % 100000) / 100},"ok":{"true" if r & 1 else "false"}}}')
            f.write(("" if i == 0 else ",\n") + o)
            size += len(o) + 2
            i += 1
        f.write("\n]\n")
    ndirs = max(2, 100 // (10 if quick else 1))
    for a in range(ndirs):
        sub = os.path.join(d, "tree", f"d{a:03d}")
        os.makedirs(sub)
        for b in range(10000 // div // ndirs):
            r = rnd()
            body = "".join(f"{words[(r >> k) % nw]} line {k}\n" for k in range(r % 20 + 1))
            if r % 7 == 0:
                body += "a needle here\n"
            with open(os.path.join(sub, f"f{b:03d}.txt"), "w") as f:
                f.write(body)
            os.utime(os.path.join(sub, f"f{b:03d}.txt"), (1700000000, 1700000000))
    nd = 1000 // div if not quick else 20
    for a in range(nd):
        sub = os.path.join(d, "ftree", f"d{a:04d}")
        os.makedirs(sub)
        for b in range(100000 // div // nd - 1):
            open(os.path.join(sub, f"e{b:03d}.f"), "w").close()
    log(f"bench: data generated in {time.time() - t0:.1f} s "
        f"({sum(os.path.getsize(os.path.join(d, x)) for x in ('text.txt', 'lines.txt', 'data.json')) >> 20} MiB)")


def normalise(kind, data):
    if kind == "sort":
        return b"\n".join(sorted(data.split(b"\n")))
    if kind == "ls":
        # owner, group and dates differ between a host and a sandbox: keep
        # the mode, the size and the name of each entry
        out = []
        for line in data.split(b"\n"):
            f = line.split()
            if len(f) >= 9 and f[0][:1] in b"-dl":
                out.append(b" ".join([f[0][:10], f[4], f[-1]]))
            elif not line.startswith(b"total "):
                out.append(line)
        return b"\n".join(out)
    return data


def data_script(work, pre, setup, reps, out, sc, awk):
    """The timed script: check run (output to OUT), then reps timed runs."""
    w = work.replace("AWK", awk).replace("HALF", str(sc["half"]))
    pre = pre or ":"
    setup = "\n".join(x.strip() for x in setup.split(";") if x.strip())
    return (f"export LC_ALL=C\n{setup}\n"
            f"{{ {pre}; }} >/dev/null 2>&1\n"
            f"{{ {w}\n}} > {out} 2>&1; echo \"@@S $?\"\n"
            f"r=0; while [ $r -lt {reps} ]; do r=$((r+1))\n"
            f"  {{ {pre}; }} >/dev/null 2>&1\n"
            f"  t0=$EPOCHREALTIME; {{ {w}\n}} > {out} 2>&1; t1=$EPOCHREALTIME\n"
            f"  echo \"@@T $t0 $t1\"\ndone\n")


def parse_times(out):
    ts, status = [], None
    for line in out.decode(errors="replace").splitlines():
        if line.startswith("@@T "):
            a, b = line.split()[1:3]
            ts.append((float(b) - float(a)) * 1000.0)
        elif line.startswith("@@S "):
            status = int(line.split()[1])
    return ts, status


def data_section(vbash, peers, quick, only, data_dir, log):
    rounds = 1
    own = data_dir is None
    base = data_dir or tempfile.mkdtemp(prefix="vbash-bench-", dir="/dev/shm"
                                        if os.path.isdir("/dev/shm") else None)
    d = os.path.join(base, "data")
    if not os.path.exists(os.path.join(d, "text.txt")):
        gen_data(d, quick, log)
    with open(os.path.join(d, "text.txt"), "rb") as f:
        half = sum(1 for _ in f) // 2
    outd = os.path.join(base, "out")
    shutil.rmtree(outd, ignore_errors=True)
    os.makedirs(outd)
    sc = {"half": half}
    rows = []
    for name, inputs, setup, pre, work, refs, norm in DATA_CASES:
        if only and name not in only:
            continue
        row = {"case": name, "script": work.replace("AWK", "awk").replace("HALF", str(half)),
               "tools": {}}
        reps = 1 if quick or name in SLOW_DATA_CASES else 3
        tools = [("vbash", "awk")] + [(r, {"gnu": "gawk", "mawk": "mawk"}[r]) for r in refs]
        times = {t: [] for t, _ in tools}
        status, rss = {}, {}
        for rnd in range(rounds):
            for t, awk in tools:
                tag = f"{name}.{t}"
                if t == "vbash":
                    copy = "; ".join(f"cp -r /data/{i} /tmp/w/" for i in inputs)
                    s = data_script(work, pre, f"mkdir -p /tmp/w /tmp/s; {copy}; T=/tmp/s; cd /tmp/w; {setup}",
                                    reps, f"/out/{tag}", sc, awk)
                    argv = [vbash, "--profile", "permissive", "--mount", f"{d}:/data:ro",
                            "--mount", f"{outd}:/out:rw", "-c", s]
                    cwd = base
                else:
                    tdir = os.path.join(base, "scratch-" + t)
                    shutil.rmtree(tdir, ignore_errors=True)
                    os.makedirs(tdir)
                    s = data_script(work, pre, f"T={tdir}; {setup}", reps,
                                    os.path.join(outd, tag), sc, awk)
                    argv = ["bash", "-c", s]
                    cwd = d
                if os.path.exists("/usr/bin/time"):
                    argv = ["/usr/bin/time", "-f", "@@RSS %M"] + argv
                p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, stdin=subprocess.DEVNULL)
                out, err = p.communicate()
                ts, st = parse_times(out)
                for line in err.decode(errors="replace").splitlines():
                    if line.startswith("@@RSS "):
                        rss[t] = int(line.split()[1])
                times[t] += ts
                if rnd == 0:
                    status[t] = st if st is not None else f"failed ({p.returncode}): " + \
                        err.decode(errors="replace").strip()[:200]
        ref_out = None
        ref_path = os.path.join(outd, f"{name}.gnu")
        if os.path.exists(ref_path):
            with open(ref_path, "rb") as f:
                ref_out = normalise(norm, f.read())
        for t, _ in tools:
            m = {"work_ms": stats(times[t]), "status": status.get(t), "peak_rss_kib": rss.get(t)}
            p = os.path.join(outd, f"{name}.{t}")
            if os.path.exists(p) and ref_out is not None:
                with open(p, "rb") as f:
                    got = normalise(norm, f.read())
                m["same_output"] = got == ref_out
                m["output_md5"] = hashlib.md5(got).hexdigest()
                if not m["same_output"] and t == "vbash":
                    m["diff_hint"] = first_diff(got, ref_out)
            row["tools"][t] = m
        row["agrees"] = row["tools"]["vbash"].get("same_output", False)
        if not row["agrees"]:
            log(f"bench: {name}: vbash output differs from GNU: "
                f"{row['tools']['vbash'].get('diff_hint', row['tools']['vbash']['status'])}")
        rows.append(row)
        log(f"bench: {name} done")

    # the node peers read the inputs through their own mount of the data dir
    for peer in peers.available:
        cases = []
        for row in rows:
            c = next(c for c in DATA_CASES if c[0] == row["case"])
            name, inputs, setup, pre, work, refs, norm = c
            w = work.replace("AWK", "awk").replace("HALF", str(half))
            cases.append({"name": name, "reps": 0 if not quick else 0,
                          "setup": f"mkdir -p /tmp/s; T=/tmp/s; cd /data\n{setup or ':'}",
                          "pre": f"T=/tmp/s; cd /data; {{ {pre or ':'}; }} >/dev/null 2>&1",
                          "script": f"export LC_ALL=C; T=/tmp/s; cd /data; {w}",
                          "out": os.path.join(outd, f"{name}.{peer}")})
        res = peers.run(peer, {"fresh": False, "timeout_ms": PEER_DATA_TIMEOUT_MS,
                               "mounts": [{"host": d, "path": "/data"}], "cases": cases},
                        timeout=PEER_DATA_RUN_S)
        for row in rows:
            m = {"in_process": True}
            if "error" in res:
                m["error"] = res["error"]
            else:
                c = next(c for c in res["cases"] if c["name"] == row["case"])
                if not c["ok"]:
                    m["error"] = c.get("error") or f"status {c.get('status')}"
                else:
                    m["work_ms"] = stats(c["times_ms"])
                    m["status"] = c["status"]
                    norm = next(x for x in DATA_CASES if x[0] == row["case"])[6]
                    ref_path = os.path.join(outd, f"{row['case']}.gnu")
                    p = os.path.join(outd, f"{row['case']}.{peer}")
                    if os.path.exists(ref_path) and os.path.exists(p):
                        with open(ref_path, "rb") as f:
                            ref = normalise(norm, f.read())
                        with open(p, "rb") as f:
                            m["same_output"] = normalise(norm, f.read()) == ref
                    if c.get("stderr"):
                        m["stderr"] = c["stderr"][:200]
            row["tools"][peer] = m
        log(f"bench: data cases under {peer} done")
    if own:
        shutil.rmtree(base, ignore_errors=True)
    else:
        shutil.rmtree(outd, ignore_errors=True)
    return rows


def first_diff(a, b):
    la, lb = a.split(b"\n"), b.split(b"\n")
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: {x[:80]!r} vs {y[:80]!r}"
    return f"{len(la)} lines vs {len(lb)}"


# ---------------------------------------------------------------- section 2
# vb_session_fork by the size of the session: files (bench_core_bench --fork
# N R), and a shell state of V variables and F functions (--fork-shell V F R).
# One process each, so that every size starts from a fresh heap.
FORK_FILES = [10, 1000, 10000, 100000]
FORK_FILES_QUICK = [10, 1000]
FORK_SHELL = (1000, 100)
FORK_RUNS, FORK_RUNS_QUICK = 20, 5


# The VFS case again in a process of its own whose mimalloc backs its
# segments with 2 MiB pages (an allocator setting, process-wide): what the
# huge-page floor means for the VFS as it is.
LARGE_PAGES_ENV = {"MIMALLOC_LARGE_OS_PAGES": "1"}
LARGE_PAGES_SUFFIX = "_mi_large_pages"


def core_runs(quick):
    """bench_core_bench's runs: (arguments, extra environment, suffix added
    to the names of the cases it prints)."""
    r = str(FORK_RUNS_QUICK if quick else FORK_RUNS)
    return [(["--quick"] if quick else [], {}, "")] + \
        [(["--vfs", "5000" if quick else "100000"], LARGE_PAGES_ENV, LARGE_PAGES_SUFFIX)] + \
        [(["--fork", str(n), r], {}, "") for n in (FORK_FILES_QUICK if quick else FORK_FILES)] + \
        [(["--fork-shell", str(FORK_SHELL[0]), str(FORK_SHELL[1]), r], {}, "")]


def core_section(build, peers, quick, log):
    """bench_core_bench's cases; a run that fails gives a row with its
    error instead of its cases."""
    core = []
    core_bin = os.path.join(build, "bench_core_bench")
    if os.path.exists(core_bin):
        for args, env, suffix in core_runs(quick):
            p = subprocess.run([core_bin] + args, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ, **env))
            rows = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
            for c in rows:
                c["case"] += suffix
                if env:
                    c["note"] = " ".join(f"{k}={v}" for k, v in env.items()) + \
                        ", a process of its own"
            core += rows
            if p.returncode != 0:
                why = (p.stderr.strip().splitlines() or [f"status {p.returncode}"])[-1]
                core.append({"case": "bench_core_bench " + " ".join(args), "error": why[:200]})
                log(f"bench: bench_core_bench {' '.join(args)} failed: {why}")
    else:
        log(f"bench: {core_bin} not built: no in-process cases")
    peer_rows = {}
    for peer in peers.available:
        res = peers.run(peer, {"create_reps": 20 if quick else 200, "cases": []}, timeout=600)
        if "error" in res:
            peer_rows[peer] = {"error": res["error"]}
        else:
            peer_rows[peer] = {"create_exec_free_us": stats([x * 1000.0 for x in
                                                             res["create_exec_free_ms"]]),
                               "module_load_ms": res.get("load_ms"),
                               "node_to_wrapper_ms": res.get("node_startup_ms"),
                               "version": res.get("version")}
    log("bench: in-process cases done")
    return core, peer_rows


# ---------------------------------------------------------------- targets
def fmt_rate(v):
    return "n/a" if v is None else f"{v:,.0f}/s"


def verdict(measured, target_ok, floor_ok=None):
    """met / not met / not met, and the floor measured in the same run
    misses the target too."""
    if measured is None:
        return "not measured"
    if target_ok:
        return "met"
    if floor_ok is False:
        return "not met: below this machine's floor"
    return "not met"


def targets(shell_rows, core, quick):
    """Issue 2's performance targets: the figure measured, the floor that
    this machine gives any program in the same run, and the verdict."""
    cm = {c["case"]: c.get("median") for c in core if "error" not in c}
    su = next((r for r in shell_rows if r["case"] == "startup"), None)

    def run_ms(group, name):
        m = (su or {}).get(group, {}).get(name) or {}
        return (m.get("run_ms") or {}).get("median")

    L = ["## Targets (issue 2)", "",
         "Each target, the figure measured in this run, and the floor: the same work done "
         "by the least any program can do on this machine, measured in the same run. "
         "Below the floor, a target cannot be met by any implementation here.", "",
         "| target | measured | floor (same run) | verdict |", "|---|---|---|---|"]
    sef = cm.get("session_exec_free")
    bash_ms = run_ms("shells", "bash")
    cmp_bash = f", {bash_ms * 1000 / sef:.0f}x faster than `bash -c true` as a process " \
        f"({bash_ms:.2f} ms; target: >= 100x)" if sef and bash_ms else ""
    L.append(f"| session new + `vb_exec(\"echo hi\")` + free <= 10 us | "
             f"{'n/a' if sef is None else f'{sef:.2f} us'}{cmp_bash} | - | "
             f"{verdict(sef, sef is not None and sef <= 10)} |")

    vb_ms = run_ms("shells", "vbash")
    fl = [(lab, run_ms("floors", n)) for n, lab, _ in FLOOR_PROGRAMS]
    fl_txt = "; ".join(f"{lab} {v:.2f} ms" for lab, v in fl if v is not None)
    for n, lab, _ in FLOOR_PROGRAMS:
        why = (su or {}).get("floors_missing", {}).get(n)
        if why:
            fl_txt += ("; " if fl_txt else "") + f"{lab}: not run ({why})"
    floor = min((v for _, v in fl if v is not None), default=None)
    peers_txt = ", ".join(f"{n} {v:.2f} ms" for n, v in
                          ((n, run_ms("shells", n)) for n in ("bash", "dash", "busybox"))
                          if v is not None)
    meas = "n/a" if vb_ms is None else f"{vb_ms:.2f} ms"
    if peers_txt:
        meas += f" ({peers_txt})"
    v = verdict(vb_ms, vb_ms is not None and vb_ms <= 1.0,
                None if floor is None else floor <= 1.0)
    L.append(f"| `vbash -c true` as a whole process <= 1 ms | {meas} | {fl_txt or '-'} | {v} |")

    idle, s10k = cm.get("idle_session_kib"), cm.get("sessions_10k_mib")
    L.append(f"| idle session <= 64 KiB | {'n/a' if idle is None else f'{idle:.1f} KiB'} | - | "
             f"{verdict(idle, idle is not None and idle <= 64)} |")
    L.append(f"| 10,000 sessions <= 1 GiB | {'n/a' if s10k is None else f'{s10k:.0f} MiB'} | - | "
             f"{verdict(s10k, s10k is not None and s10k <= 1024)} |")

    vfs, reused, host = (cm.get("vfs_create_write"), cm.get("vfs_create_write_reused"),
                         cm.get("host_create_write"))
    pt, pth, ptr = (cm.get("page_touch_4k"), cm.get("page_touch_4k_huge"),
                    cm.get("page_touch_4k_reused"))
    large = cm.get("vfs_create_write" + LARGE_PAGES_SUFFIX)
    extra = [f"{lab} {fmt_rate(v)}" for lab, v in
             (("into memory already faulted in", reused), ("host tmpfs", host),
              ("with mimalloc's large OS pages", large)) if v is not None]
    floor = max((v for v in (pt, pth) if v is not None), default=None)
    meas = fmt_rate(vfs) + (" (" + "; ".join(extra) + ")" if extra else "")
    fl_txt = "-" if pt is None else \
        (f"4 KiB into a fresh page {fmt_rate(pt)}, with MADV_HUGEPAGE {fmt_rate(pth)}; "
         f"into a page already faulted in {fmt_rate(ptr)}")
    v = verdict(vfs, vfs is not None and vfs >= 500000,
                None if floor is None else floor >= 500000)
    L.append(f"| VFS create + write 4 KiB + close >= 500,000/s | {meas} | {fl_txt} | {v} |")

    def fork_pair(alone, free):
        return cm.get(alone), cm.get(free)

    forks = sorted((int(c[5:]),) + fork_pair(c, "fork_free_" + c[5:]) for c in cm
                   if c.startswith("fork_") and c[5:].isdigit())
    fsh = next((c for c in cm if re.fullmatch(r"fork_shell_\d+v_\d+f", c)), None)
    def fork_row(what, sizes):
        """sizes: [(label, fork alone, fork + free)], the smallest first."""
        parts = [f"{lab} {fmt_num(a)} / {fmt_num(f)} us" for lab, a, f in sizes]
        _, a0, f0 = sizes[0]
        ra = max([a / a0 for _, a, _ in sizes[1:] if a and a0] or [1.0])
        rf = max([f / f0 for _, _, f in sizes[1:] if f and f0] or [1.0])
        return (f"| `vb_session_fork` O(1) in {what} | fork alone / fork + free: "
                f"{'; '.join(parts)} (worst against {sizes[0][0]}: {ra:.1f}x / {rf:.1f}x) | - | "
                f"{verdict(a0 if len(sizes) > 1 else None, ra <= 2 and rf <= 2)} |")

    if forks:
        sizes = [(f"{n:,} files", a, f) for n, a, f in forks]
        L.append(fork_row("files", sizes))
        if fsh:
            v_, f_ = fsh[len("fork_shell_"):].split("_")
            L.append(fork_row("shell state", sizes[:1] + [
                (f"{int(v_[:-1]):,} variables + {int(f_[:-1]):,} functions",) +
                fork_pair(fsh, "fork_shell_free_" + fsh[len("fork_shell_"):])]))
    else:
        L.append("| `vb_session_fork` O(1) | n/a | - | not measured |")
    L += ["", "Start-up: whole runs through this harness (Python's subprocess with pipes), "
          "which adds the same cost to every program, the floors included. "
          "Fork: met when, for every size measured, the fork alone (clones kept alive) and "
          "fork + free each take at most twice as long as for the session of 10 files." + (" Quick mode: small sizes, times mean little." if quick else ""),
          ""]
    return L


# ---------------------------------------------------------------- report
def source_state():
    """The commit the sources are at, and whether the tree has changes not
    committed (the build measured is the work tree's): '' outside git."""
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, timeout=30)
        if head.returncode != 0:
            return ""
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain",
                                "--untracked-files=no"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return f"commit {head.stdout.strip()}" + \
        (" with changes not committed" if dirty.stdout.strip() else "") + ", "


def report(shell_rows, core, peer_core, data_rows, node_ms, peers, quick, elapsed, load):
    L = ["# vbash benchmarks", "",
         f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {source_state()}"
         f"{os.cpu_count()} cores, "
         f"load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
         f"{'quick' if quick else 'full'} mode, "
         f"{elapsed:.0f} s. Every measurement interleaved with its peers', after a warm-up. "
         "Figures: median, (p10-p90) in parentheses. Ratio = peer / vbash: above 1, "
         "vbash is faster.", ""]
    if quick:
        L += ["Quick mode (CI): small inputs and few runs. It checks the harness and that "
              "every output agrees with the reference; its times mean little.", ""]
    for p, why in peers.missing.items():
        L.append(f"- peer {p}: {why}")
    if peers.missing:
        L.append("")
    L += targets(shell_rows, core, quick)

    # section 1
    names = ["vbash"] + [n for n, _ in PROCESS_SHELLS] + list(peers.available)
    names = [n for n in names if any(n in r["shells"] for r in shell_rows)]
    L += ["## Shell cases: cost of one iteration", "",
          "Each script runs with N and 2N iterations; per iteration = (median at 2N - "
          "median at N) / N, which removes start-up. bash, dash, busybox: whole processes; "
          "just-bash, bashkit: in-process exec only (their Node start-up is below). "
          "`startup`: whole run of `true` in ms (in-process peers: exec of `true`). The "
          f"in-process peers run N / {PEER_N_DIV} iterations.", "",
          "| case | N | " + " | ".join(f"{n} (us/iter)" for n in names) + " | " +
          " | ".join(f"{n}/vbash" for n in names[1:]) + " | output = bash |",
          "|---" * (3 + 2 * len(names) - 1) + "|"]
    for r in shell_rows:
        cells, ratios = [], []
        vb = r["shells"]["vbash"]
        key = "per_iter_us" if "per_iter_us" in vb else None
        vbv = vb.get(key) if key else (vb["run_ms"] or {}).get("median")
        for n in names:
            m = r["shells"].get(n)
            if m is None:
                cells.append("n/a (bash-only syntax)")
                ratios.append("n/a")
                continue
            if "error" in m:
                cells.append(f"cannot run: {m['error'][:80]}")
                ratios.append("n/a")
                continue
            v = m.get(key) if key else (m.get("run_ms") or {}).get("median")
            extra = ""
            if m.get("same_output") is False:
                extra = " (output differs)"
            if key:
                cells.append(f"{fmt_num(v)}{extra}")
            else:
                cells.append(f"{fmt_ms(m.get('run_ms'))} ms{extra}")
            if n != "vbash":
                # a whole process against an exec in a running process: no ratio
                ratios.append("n/a" if not key and m.get("in_process") else ratio(v, vbv))
        L.append(f"| {r['case']} | {r['n'] if key else '-'} | " + " | ".join(cells) + " | " +
                 " | ".join(ratios) + f" | {'yes' if r['agrees_with_bash'] else 'NO'} |")
    L += ["", "Whole runs at N (ms) and peak RSS (KiB, at 2N):", "",
          "| case | " + " | ".join(names) + " |", "|---" * (1 + len(names)) + "|"]
    for r in shell_rows:
        cells = []
        for n in names:
            m = r["shells"].get(n)
            if not m or "error" in m:
                cells.append("n/a")
            else:
                rs = f", {m['peak_rss_kib']} KiB" if m.get("peak_rss_kib") else ""
                cells.append(fmt_ms(m.get("run_ms")) + rs)
        L.append(f"| {r['case']} | " + " | ".join(cells) + " |")

    su = next((r for r in shell_rows if r["case"] == "startup"), None)
    if su and "floors" in su:
        L += ["", "Start-up against the floor: `true` in each shell, and empty C programs "
              "(`int main(void) { return 0; }`, built at bench time with `cc -O2`, static and "
              "dynamic), run by the same harness, interleaved:", "",
              "| program | whole run (ms) | peak RSS (KiB) |", "|---|---|---|"]
        for n in names:
            m = su["shells"].get(n)
            if m and "error" not in m and not m.get("in_process"):
                L.append(f"| {n} | {fmt_ms(m.get('run_ms'))} | {m.get('peak_rss_kib') or 'n/a'} |")
        for n, lab, _ in FLOOR_PROGRAMS:
            m = su["floors"].get(n)
            if m:
                L.append(f"| {lab} | {fmt_ms(m.get('run_ms'))} | {m.get('peak_rss_kib') or 'n/a'} |")
            else:
                L.append(f"| {lab} | not run: {su.get('floors_missing', {}).get(n, '?')} | - |")

    # section 2
    L += ["", "## In process", "",
          "Figures: median (p10-p90) where a case has several runs. `page_touch_4k*` are the "
          "floor under `vfs_create_write`: 4 KiB copied into each page of fresh anonymous "
          "memory (one op = one page), the same with MADV_HUGEPAGE, and the same pages again. "
          "`fork_N`: `vb_session_fork` alone of a session holding N files of 4 KiB, the clones "
          "kept alive; `fork_free_N`: fork + free; `fork_shell_*`: the same for a session "
          "holding V variables and F functions; `fork_shell_exec1_*`/`exec2_*`: the fork's first "
          "and second `vb_exec` (`f0 x`, a call of the first function, "
          "twice), `fork_shell_srcexec_*`: the source's first `vb_exec` after a fork. `*_mi_large_pages`: the VFS case in a process "
          "of its own with mimalloc's large OS pages on (2 MiB pages, process-wide).", "",
          "| " + " | ".join(["case", "vbash"] + list(peers.available) + ["unit"]) + " |",
          "|---" * (3 + len(peers.available)) + "|"]
    sef = next((c for c in core if c["case"] == "session_exec_free"), None)
    if sef or peer_core:
        cells = []
        for p in peers.available:
            pc = peer_core.get(p, {})
            s = pc.get("create_exec_free_us")
            cells.append(f"{fmt_ms(s)} ({ratio(s and s['median'], sef and sef['median'])})"
                         if s else f"n/a: {pc.get('error', '')}")
        L.append("| " + " | ".join(["create + exec(`echo hi`) + free",
                                    fmt_ms(sef) if sef else "n/a"] + cells + ["us"]) + " |")
    for c in core:
        if c is sef:
            continue
        if "error" in c:
            L.append("| " + " | ".join([c["case"], f"failed: {c['error']}"] +
                                       ["n/a" for _ in peers.available] + ["-"]) + " |")
            continue
        name = c["case"] + (f" ({c['note']})" if c.get("note") else "")
        fig = fmt_num(c["median"])
        if c.get("n", 1) > 1:
            fig += f" ({fmt_num(c['p10'])}-{fmt_num(c['p90'])})"
        L.append("| " + " | ".join([name, fig] +
                                   ["n/a" for _ in peers.available] + [c["unit"]]) + " |")
    if node_ms:
        L.append(f"| node start-up (`node -e 0`) | - | " +
                 " | ".join(fmt_ms(node_ms) for _ in peers.available) + " | ms |")
        L.append("| module load (import) | - | " + " | ".join(
            fmt_num(peer_core.get(p, {}).get("module_load_ms")) for p in peers.available) +
            " | ms |")

    # section 3
    if data_rows:
        cols = ["vbash", "gnu", "mawk"] + list(peers.available)
        L += ["", "## Data cases: the work alone", "",
              "Inputs: text.txt (100 MB, 26 words x 2M lines), lines.txt (1,000,000 lines), "
              "data.json (50 MB), tree/ (10,000 files), ftree/ (100,000 entries); quick mode "
              "1/100. vbash: inputs copied into the VFS first; GNU (gawk for awk, jq 1.6, "
              "GNU find/tar/grep) and mawk: on tmpfs, started by bash with LC_ALL=C; "
              f"just-bash/bashkit: their mount of the tmpfs dir, one run, {PEER_DATA_TIMEOUT_MS // 1000} s limit. "
              "Time in ms around the command alone; RSS: the whole process (vbash's holds the "
              "VFS copy of its input).", "",
              "| case | " + " | ".join(REF_LABEL.get(c, c) for c in cols) + " | " +
              " | ".join(f"{REF_LABEL.get(c, c)}/vbash" for c in cols[1:]) +
              " | output = GNU |", "|---" * (2 * len(cols) + 1) + "|"]
        for r in data_rows:
            vb = (r["tools"]["vbash"].get("work_ms") or {}).get("median")
            cells, ratios = [], []
            for c in cols:
                m = r["tools"].get(c)
                if m is None:
                    cells.append("-")
                    if c != "vbash":
                        ratios.append("-")
                    continue
                if "error" in m:
                    cells.append(f"cannot run: {m['error'][:70]}")
                    ratios.append("n/a")
                    continue
                rs = f", {m['peak_rss_kib'] // 1024} MiB" if m.get("peak_rss_kib") else ""
                flag = " (output differs)" if m.get("same_output") is False else ""
                if isinstance(m.get("status"), str):
                    flag += f" ({m['status'][:60]})"
                cells.append(fmt_ms(m.get("work_ms")) + rs + flag)
                if c != "vbash":
                    ratios.append(ratio((m.get("work_ms") or {}).get("median"), vb))
            L.append(f"| {r['case']} | " + " | ".join(cells) + " | " + " | ".join(ratios) +
                     f" | {'yes' if r['agrees'] else 'NO'} |")
    L += ["", "Scripts:", ""] + [f"- {r['case']}: `{r['script']}`" for r in shell_rows] + \
         [f"- {r['case']}: `{r['script']}`" for r in data_rows]
    return L


USAGE = """usage: bench/run.py [--quick] [--no-peers] [--only CASE,...] [--build DIR]
                    [--peers DIR] [--data DIR] [--results DIR]
  --quick      short inputs, outputs checked against bash, no timing claims
  --no-peers   skip the Node peers (just-bash, bashkit)
  --only       run only these cases (comma-separated names)
  --build      the build directory holding vbash (default: build)
  --peers      where bench/peers/setup installed the peers (default: BUILD/peers)
  --data       where to generate the data inputs (default: a temporary dir)
  --results    where to write the results (default: bench/results)
Writes RESULTS/latest.md and .json (latest-quick.* with --quick); with
--quick, exits 1 when an output of vbash differs from the reference."""


def main():
    args = sys.argv[1:]
    flags, valued = {"--quick", "--no-peers"}, {"--only", "--build", "--peers", "--data", "--results"}
    i = 0
    while i < len(args):
        if args[i] in ("-h", "--help"):
            try:
                print(USAGE)
            except BrokenPipeError:
                pass
            return 0
        if args[i] in valued and i + 1 < len(args):
            i += 2
            continue
        if args[i] not in flags:
            print(f"bench/run.py: unknown or incomplete option '{args[i]}'\n{USAGE}", file=sys.stderr)
            return 2
        i += 1
    quick = "--quick" in args

    def opt(name, default=None):
        return args[args.index(name) + 1] if name in args else default

    build = os.path.abspath(opt("--build", os.path.join(ROOT, "build")))
    peers_dir = os.path.abspath(opt("--peers", os.path.join(build, "peers")))
    only = set(opt("--only", "").split(",")) - {""}
    vbash = os.path.join(build, "vbash")
    if not os.path.exists(vbash):
        print("bench: build first (make build)", file=sys.stderr)
        return 2
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    peers = NodePeers(peers_dir, not quick and "--no-peers" not in args)
    t0 = time.time()
    load = os.getloadavg()
    shell_rows = shell_section(vbash, peers, quick, only, log)
    # the peers' outputs are compared with bash's: keep bash's output
    core, peer_core = core_section(build, peers, quick, log) if not only else ([], {})
    data_rows = data_section(vbash, peers, quick, only, opt("--data"), log)
    node_ms = peers.node_startup_ms(5) if peers.available else None
    lines = report(shell_rows, core, peer_core, data_rows, node_ms, peers, quick,
                   time.time() - t0, load)
    results = os.path.abspath(opt("--results", os.path.join(ROOT, "bench", "results")))
    os.makedirs(results, exist_ok=True)
    suffix = "-quick" if quick else ""
    with open(os.path.join(results, f"latest{suffix}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(results, f"latest{suffix}.json"), "w") as f:
        json.dump({"shell": shell_rows, "in_process": core, "in_process_peers": peer_core,
                   "data": data_rows, "node_startup_ms": node_ms,
                   "peers_missing": peers.missing}, f, indent=1, default=str)
    print("\n".join(lines))
    bad = [r["case"] for r in shell_rows if not r["agrees_with_bash"]] + \
          [r["case"] for r in data_rows if not r["agrees"]] + \
          [c["case"] for c in core if "error" in c]
    if bad:
        log(f"bench: vbash's output differs from the reference, or a run failed, in: "
            f"{', '.join(bad)}")
    if quick and bad:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
