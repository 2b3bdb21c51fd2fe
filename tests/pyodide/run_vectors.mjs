// Runs scoring vectors through scoring_py inside real Pyodide (Python 3.14) under Node.
//
// Usage (cwd = project root): node tests/pyodide/run_vectors.mjs WHEEL CASES.json
// CASES.json: [{"name", "definition": text, "answers": text, "role": string|null}, ...]; a
// case with "team_files" (the JSON text team_json reads) instead of "answers" runs the team
// view, with a JavaScript progress callback as the browser worker passes one; a case with
// "compare" ([before, after] texts) runs scoring_py.compare.compare_json, one with "timeline"
// (a JSON text) timeline_json, as the worker's "compare" message does.
// Prints one JSON object: {"python": sys.version, "results": [{"ok": text} | {"error": text}]}
// where "ok" is score_json's (or team_json's) output and "error" a ScoringError message; a team
// case also gets "progress": the [done, total] pairs the callback received. Any other
// Python exception is reported as {"crash": "Type: message"}.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath] = process.argv.slice(2);
if (!wheelPath || !casesPath) {
  console.error("användning: node tests/pyodide/run_vectors.mjs WHEEL CASES.json");
  process.exit(2);
}

// PYODIDE_STDLIB: the trimmed standard library the site publishes (saljkompetens/stdlib.py).
const pyodide = await loadPyodide(process.env.PYODIDE_STDLIB ? { stdLibURL: process.env.PYODIDE_STDLIB } : {});
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");

const run = pyodide.runPython(`
import json
import scoring_py

def run(definition, answers, role, team_files, progress, before=None, after=None, timeline=None):
    from scoring_py.compare import compare_json, timeline_json
    try:
        if isinstance(before, str):
            return json.dumps({"ok": compare_json(definition, before, after)})
        if isinstance(timeline, str):
            return json.dumps({"ok": timeline_json(definition, timeline)})
        if isinstance(team_files, str):
            return json.dumps({"ok": scoring_py.team_json(definition, team_files, role, progress)})
        return json.dumps({"ok": scoring_py.score_json(definition, answers, role)})
    except scoring_py.ScoringError as error:
        return json.dumps({"error": str(error)})
    except BaseException as error:
        return json.dumps({"crash": f"{type(error).__name__}: {error}"})

run
`);

const cases = JSON.parse(await readFile(casesPath, "utf8"));
const results = cases.map((c) => {
  const progress = [];
  const result = JSON.parse(
    run(
      c.definition,
      c.answers ?? null,
      c.role ?? null,
      c.team_files ?? null,
      (done, total) => progress.push([done, total]),
      c.compare?.[0] ?? null,
      c.compare?.[1] ?? null,
      c.timeline ?? null,
    ),
  );
  return c.team_files ? { ...result, progress } : result;
});
const python = pyodide.runPython("import sys; sys.version");
run.destroy();
process.stdout.write(`${JSON.stringify({ python, results })}\n`);
