// bench/run.py's driver for @everruns/bashkit (Rust, native addon): see
// common.mjs. Limits are raised so that the benchmark loops run to the end.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { runJob } from "./common.mjs";

await runJob("bashkit", {
  async load(dir) {
    const req = createRequire(resolve(join(dir, "package.json")));
    const m = req("@everruns/bashkit");
    const version = JSON.parse(readFileSync(join(dir, "node_modules", "@everruns", "bashkit",
                                                 "package.json"), "utf8")).version;
    const big = 1e9;
    return {
      version,
      async create(job) {
        const opts = {
          cwd: "/home/user",
          maxCommands: big, maxLoopIterations: big, maxTotalLoopIterations: big,
          maxMemory: 8 * 2 ** 30, maxInputBytes: 2 ** 30,
          timeoutMs: job.timeout_ms || 60000,
        };
        if (job.mounts && job.mounts.length) {
          opts.mounts = job.mounts.map((x) => ({ path: x.path, root: x.host, writable: false }));
          opts.allowedMountPaths = job.mounts.map((x) => x.host);
        }
        const b = new m.Bash(opts);
        b.executeSync("mkdir -p /home/user /tmp");
        return b;
      },
      async exec(b, script) {
        const r = b.executeSync(script);
        return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode, error: r.error,
                 timedOut: r.exitCode === 124 };
      },
      async free(_b) { /* garbage collected */ },
    };
  },
});
