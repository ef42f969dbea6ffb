// bench/run.py's driver for just-bash (TypeScript, npm): see common.mjs.
// Limits are raised so that the benchmark loops run to the end.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runJob } from "./common.mjs";

await runJob("just-bash", {
  async load(dir) {
    const root = join(dir, "node_modules", "just-bash");
    const m = await import(pathToFileURL(join(root, "dist", "bundle", "index.js")).href);
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    const big = 1e9;
    return {
      version,
      async create(job) {
        const opts = {
          cwd: "/home/user",
          executionLimits: {
            maxCommandCount: big, maxLoopIterations: big, maxAwkIterations: big,
            maxSedIterations: big, maxJqIterations: big, maxCallDepth: 10000,
            maxArrayElements: big, maxStringLength: 2 ** 30, maxQueryElements: big,
            maxQueryTokens: big, maxAwkParserOperations: big, maxWorkUnits: big,
            maxGlobOperations: big, maxBraceExpansionResults: big,
            maxTraversalEntries: big, maxTraversalWork: big, maxLiveBytes: 8 * 2 ** 30,
            maxInputBytes: 8 * 2 ** 30, maxFileSystemBytes: 8 * 2 ** 30,
            maxOutputSize: 2 ** 30, maxArchiveEntries: big, maxArchiveBytes: 8 * 2 ** 30,
            maxExecutionTimeMs: job.timeout_ms || 60000,
          },
        };
        if (job.mounts && job.mounts.length) {
          // one host directory, seen at its mount point; writes elsewhere
          // stay in memory (the overlay's upper layer)
          const x = job.mounts[0];
          opts.fs = new m.OverlayFs({ root: x.host, mountPoint: x.path, readOnly: false,
                                      maxFileReadSize: 2 ** 31 - 1, maxMemoryBytes: 8 * 2 ** 30 });
        }
        const b = new m.Bash(opts);
        await b.exec("mkdir -p /home/user /tmp");
        return b;
      },
      async exec(b, script) {
        const r = await b.exec(script);
        const err = r.stderr || "";
        return { stdout: r.stdout, stderr: err, status: r.exitCode,
                 timedOut: /time limit|timed out|deadline|maxExecutionTime/i.test(err) && r.exitCode !== 0 };
      },
      async free(_b) { /* garbage collected */ },
    };
  },
});
