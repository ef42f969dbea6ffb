// What the peer wrappers share: the job protocol of bench/run.py.
//
//   node bench/peers/<peer>.mjs JOB.json
//
// JOB.json: { "peers_dir": "build/peers", "mounts": [{"host": DIR, "path": "/data"}],
//             "setup": SCRIPT,             run untimed once per instance
//             "fresh": true,               a new instance for every run (shell cases)
//             "timeout_ms": 20000,
//             "cases": [{"name", "setup", "pre", "script", "reps", "out"}],
//             "create_reps": K }           in-process create + exec("echo hi") + free
// Prints one JSON line per case as it ends, {"case": ROW}, then one line:
// { "peer", "version", "load_ms", "cases": [ROW...], "create_exec_free_ms": [...] }
// with ROW = {"name", "ok", "times_ms", "create_ms", "status", "error", "stderr"}.
// Each case runs once as a warm-up (its stdout goes to "out" for the output
// check), then "reps" timed runs (reps 0: the first run is the timed one);
// only the exec of the script is timed, not "setup" (once) nor "pre" (before
// each run).
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const t0 = performance.now();
// A peer may reject a promise of a command it cancelled (time limit) after
// the exec returned: that must not end the wrapper before it reports.
process.on("unhandledRejection", () => {});

export async function runJob(peer, adapter) {
  const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const tl = performance.now();
  const api = await adapter.load(job.peers_dir);
  const result = { peer, version: api.version, load_ms: performance.now() - tl,
                   node_startup_ms: t0, /* process start to this module */
                   cases: [] };
  let shared = null;
  const make = async () => {
    const c0 = performance.now();
    const inst = await api.create(job);
    const dt = performance.now() - c0;
    if (job.setup) {
      const r = await api.exec(inst, job.setup);
      if (r.status !== 0)
        throw new Error(`setup failed (${r.status}): ${(r.stderr || r.error || "").slice(0, 300)}`);
    }
    return { inst, dt };
  };
  for (const c of job.cases || []) {
    const row = { name: c.name, ok: false, times_ms: [], create_ms: [] };
    try {
      for (let i = 0; i <= (c.reps || 0); i++) {
        let inst, dt = 0;
        if (job.fresh || !shared) {
          ({ inst, dt } = await make());
          if (!job.fresh) shared = inst;
        } else {
          inst = shared;
        }
        if (c.setup && (job.fresh || i === 0)) await api.exec(inst, c.setup);
        if (c.pre) await api.exec(inst, c.pre);
        const w0 = performance.now();
        const r = await api.exec(inst, c.script);
        const w = performance.now() - w0;
        if (i === 0 && !c.reps) row.times_ms.push(w);
        if (i === 0) {
          row.status = r.status;
          row.stderr = (r.stderr || "").slice(0, 400);
          if (r.error) row.error = String(r.error).slice(0, 400);
          if (c.out) writeFileSync(c.out, r.stdout);
          if (r.timedOut) {
            row.error = `over the ${job.timeout_ms} ms time limit`;
            break;
          }
        } else {
          row.times_ms.push(w);
          if (job.fresh) row.create_ms.push(dt);
        }
        if (job.fresh) await api.free(inst);
      }
      row.ok = !row.error;
    } catch (e) {
      row.error = String(e && e.message || e).slice(0, 400);
      shared = null;
    }
    result.cases.push(row);
    // as it goes: a run killed from outside still reports the cases done
    process.stdout.write(JSON.stringify({ case: row }) + "\n");
  }
  if (job.create_reps) {
    result.create_exec_free_ms = [];
    for (let i = 0; i <= job.create_reps; i++) {
      const c0 = performance.now();
      const inst = await api.create({ ...job, mounts: [] });
      await api.exec(inst, "echo hi");
      await api.free(inst);
      if (i) result.create_exec_free_ms.push(performance.now() - c0);
    }
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}
