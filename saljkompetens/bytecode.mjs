// Säljkompetens: compiles zip archives to Python bytecode with Pyodide's own Python, under
// Node, at build time (saljkompetens/bytecode.py runs it; the compiling is pyc.py).
//
//   node bytecode.mjs PYODIDE_DIR PYC_PY JOBS_JSON
//
// JOBS_JSON: [{input, output, prefix, optimize, docstrings, dropFrozen}]. Writes each output and prints
// {python, frozen, jobs: [{output, dropped}]} as JSON. Without debug ranges (the column
// positions of tracebacks' carets), which keeps the bytecode about a fifth smaller.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [folder, script, jobsFile] = process.argv.slice(2);
const log = (text) => process.stderr.write(`${text}\n`);

// Python's import system is frozen in as _frozen_importlib(_external), which importlib
// installs under these names: their copies in the zip are never read either.
const ALIASES = {
  _frozen_importlib: "importlib._bootstrap",
  _frozen_importlib_external: "importlib._bootstrap_external",
};

async function main() {
  const { loadPyodide } = await import(pathToFileURL(join(folder, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: `${folder}/`,
    env: { PYTHONNODEBUGRANGES: "1" },
    stdout: log,
    stderr: log,
  });
  const namespace = pyodide.toPy({});
  pyodide.runPython(readFileSync(script, "utf8"), { globals: namespace });
  pyodide.runPython(
    "import sys, _imp\n" +
      "def run(data, prefix, optimize, drop, docstrings):\n" +
      "    return compile_archive(data.to_bytes(), prefix, optimize, frozenset(drop), docstrings)\n",
    { globals: namespace },
  );
  const python = pyodide.runPython("'.'.join(map(str, sys.version_info[:3]))", { globals: namespace });
  const names = pyodide.runPython("sorted(_imp._frozen_module_names())", { globals: namespace }).toJs();
  const frozen = [...names, ...names.filter((name) => name in ALIASES).map((name) => ALIASES[name])].sort();
  const run = namespace.get("run");
  const done = [];
  for (const job of JSON.parse(readFileSync(jobsFile, "utf8"))) {
    const data = new Uint8Array(readFileSync(job.input));
    const drop = job.dropFrozen ? frozen : [];
    const [out, dropped] = run(data, job.prefix, job.optimize, drop, job.docstrings).toJs();
    writeFileSync(job.output, out);
    done.push({ output: job.output, dropped });
  }
  process.stdout.write(`${JSON.stringify({ python, frozen, jobs: done })}\n`);
}

main().catch((error) => {
  log(String(error?.message || error));
  process.exit(1);
});
