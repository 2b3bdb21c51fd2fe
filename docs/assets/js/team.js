// Säljkompetens: the sales manager's team view (ES module). The sellers' answer files are read
// in this browser and scored by scoring_py's team_json in the self-assessment's worker (Python
// starts with the first file). Files are listed at once under the drop zone, each with its
// state, below a line that says what happens and where the picture will appear. Nothing is
// uploaded or stored unless asked ("Spara på den här datorn"). A file the worker makes no
// progress on for `data-file-budget-ms` (default 15 s) is stopped; the others are shown.

import { fileSelftest } from "./answers.js";
import { fileName } from "./file-name.js";
import { download, Message } from "./form-view.js";
import { ScoringClient, StalledFile } from "./scoring-client.js";
import { failureText } from "./storage.js";
import { FileList, fileBudget, namedEntries, readEntry, stoppedEntry } from "./team-files.js";
import { teamNodes } from "./team-view.js";

export const TEAM_KEY = "saljkompetens.team.v1";
const $ = (id) => document.getElementById(id);
const root = $("sk-team");
if (root) main();

function main() {
  const section = $("sk-team-result");
  const list = $("sk-team-file-list");
  const role = $("sk-team-role");
  const kind = $("sk-team-kind"); // which assessment the files answer: "" or a self-test's slug
  const definitions = new Map(); // self-test slug → its definition text (a promise)
  const progress = $("sk-team-progress");
  const progressText = $("sk-team-progress-text");
  const message = new Message($("sk-team-message"));
  const siteRoot = new URL(root.dataset.root, document.baseURI);
  const formats = JSON.parse(root.dataset.formats); // the file formats' names and limits (scoring_py.formats)
  let client = null;
  let files = []; // {name, size, reading} being read, {name, size, text} read, or {name, size, error}
  let result = null;
  let reports = new Map(); // file name → its line in the result being shown
  let scoring = false; // whether the worker has begun on the files in this run
  let sort = { key: "file", descending: false };
  let run = 0;
  const fileList = new FileList(list, formats.raters.manager);

  /** List the chosen files at once, then read them one by one, then score them all. */
  async function add(chosen) {
    const fresh = namedEntries(chosen, new Set(files.map((f) => f.name)));
    if (!fresh.length) return;
    files.push(...fresh);
    showFiles();
    say(`${count(fresh.length, "fil", "filer")} läses …`, true);
    progressText.closest(".sk-team-files").scrollIntoView({ block: "nearest" }); // where the manager looks
    for (const entry of fresh) {
      const read = await readEntry(entry, formats.file_max_bytes);
      const at = files.indexOf(entry);
      if (at < 0) continue; // removed meanwhile
      files[at] = read;
      showFiles("soon");
    }
    followFiles();
    await update();
  }

  function say(text, busy = false) {
    progress.hidden = !busy;
    if (busy) progress.removeAttribute("value"); // until the worker reports: indeterminate
    progressText.textContent = text;
  }

  /** The list: every line anew ("all"), or only lines whose state changed ("changed", "soon"). */
  function showFiles(how = "all") {
    if (how === "soon") return fileList.refreshSoon(() => [files, reports, scoring]);
    if (how === "changed") fileList.refresh(files, reports, scoring);
    else fileList.show(files, reports, scoring);
    $("sk-team-files-title").hidden = files.length === 0;
    $("sk-team-actions").hidden = files.length === 0;
  }

  /** When every file that says so answers one self-test (or none), show that one. */
  function followFiles() {
    if (!kind) return;
    const named = new Set();
    for (const file of files) {
      if (!("text" in file)) continue;
      try {
        named.add(fileSelftest(JSON.parse(file.text), formats) ?? "");
      } catch {
        /* scoring_py says what is wrong with it */
      }
    }
    const [only] = named;
    const known = [...kind.options].some((option) => option.value === only);
    if (named.size === 1 && known && kind.value !== only) {
      kind.value = only;
      showKind();
      const chosen = kind.selectedOptions[0].textContent;
      message.show(`Filerna gäller ${chosen.charAt(0).toLowerCase()}${chosen.slice(1)}, så den visas.`);
    }
  }

  function showKind() {
    $("sk-team-role-bar").hidden = Boolean(kind?.value);
  }

  /** The definition text of the chosen self-test, or null for the competency assessment. */
  function chosenDefinition() {
    const slug = kind?.value;
    if (!slug) return Promise.resolve(null);
    if (!definitions.has(slug)) {
      const url = new URL(kind.selectedOptions[0].dataset.definition, document.baseURI);
      const text = fetch(url, { credentials: "same-origin" }).then((response) => {
        if (!response.ok) throw new Error(`självtestets definition kunde inte hämtas (HTTP ${response.status})`);
        return response.text();
      });
      text.catch(() => definitions.delete(slug));
      definitions.set(slug, text);
    }
    return definitions.get(slug);
  }

  async function update() {
    const current = ++run;
    if (!files.length) {
      result = null;
      reports = new Map();
      showFiles();
      say("");
      section.replaceChildren();
      section.dataset.state = "empty";
      return;
    }
    if (files.some((f) => f.reading)) return; // add() updates once they are read
    client ??= ScoringClient.fromElement(root);
    reports = new Map();
    scoring = false;
    showFiles("changed");
    section.dataset.state = "updating";
    const where = "Teamets bild visas nedanför listan när filerna är räknade.";
    say(
      client.state === "ready"
        ? `Räknar … ${where}`
        : `Poängräkningen startar i din webbläsare; första gången tar det en stund. ${where}`,
      true,
    );
    try {
      const definition = await chosenDefinition();
      const text = await scoreFiles(current, definition, definition ? "" : role.value);
      if (current !== run) return;
      result = JSON.parse(text);
      show();
    } catch (error) {
      if (current !== run) return;
      section.dataset.state = "error";
      scoring = false;
      showFiles("soon");
      say("");
      message.show(`Teamets bild kunde inte räknas fram: ${error.message}`, "error");
    }
  }

  /** team_json of the readable files. A file the worker makes no progress on within the
   * budget is stopped (the client starts a new worker) and the rest are sent again. */
  async function scoreFiles(current, definition, chosenRole) {
    const onProgress = (done, total) => {
      if (current !== run) return;
      progress.max = total || 1;
      progress.value = done;
      if (!scoring) showFiles("soon");
      scoring = true;
      progressText.textContent =
        done < total
          ? `Räknar fil ${done + 1} av ${total} … Teamets bild visas nedanför listan.`
          : "Ritar teamets bild …";
    };
    for (;;) {
      const readable = files.filter((f) => "text" in f);
      try {
        return await client.team(readable, chosenRole, onProgress, definition, fileBudget(root));
      } catch (error) {
        if (current !== run || !(error instanceof StalledFile || error.restarted)) throw error;
        if (error instanceof StalledFile) {
          files = files.map((f) => (f.name === error.file ? stoppedEntry(f.name, error.budgetMs, f.size) : f));
        }
        scoring = false;
        showFiles("soon");
        say("En fil tog för lång tid och stoppades; poängräkningen startar om med de andra …", true);
      }
    }
  }

  function show() {
    reports = new Map(result.files.map((report) => [report.file, report]));
    scoring = false;
    showFiles();
    const used = result.files.filter((report) => !report.error).length;
    say(`${count(used, "fil", "filer")} av ${files.length} används. Teamets bild visas nedanför listan.`);
    draw();
  }

  function draw() {
    section.replaceChildren(...teamNodes(result, siteRoot, sort));
    section.dataset.state = "ready";
    section.dataset.people = String(result.respondents); // own ratings counted (none shown for some self-tests)
  }

  section.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button || !result) return;
    const key = button.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : key !== "person" };
    draw();
    section.querySelector(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
  });
  $("sk-team-files").addEventListener("change", async (event) => {
    const chosen = [...event.target.files];
    event.target.value = "";
    await add(chosen);
  });
  const drop = $("sk-drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("sk-dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("sk-dragging"));
  drop.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("sk-dragging");
    await add([...(event.dataTransfer?.files ?? [])]);
  });
  role.addEventListener("change", update);
  kind?.addEventListener("change", () => {
    showKind();
    update();
  });

  $("sk-team-csv").addEventListener("click", () => {
    if (!result) return;
    const blob = new Blob([result.csv], { type: "text/csv;charset=utf-8" });
    download(fileName([formats.team, result.selftest?.slug ?? result.role?.slug], "csv"), blob);
    message.show(
      "Tabellen är sparad som CSV för svenska kalkylprogram som Excel (semikolon mellan kolumnerna, " +
        "UTF-8): en rad per person, en kolumn per kompetens.",
    );
  });
  $("sk-team-print").addEventListener("click", () => window.print());
  $("sk-team-clear").addEventListener("click", () => {
    files = [];
    forget();
    update();
    message.show("Filerna är borttagna från sidan.");
  });
  $("sk-team-save").addEventListener("click", () => {
    try {
      const readable = files.filter((f) => "text" in f).map(({ name, text }) => ({ name, text }));
      const kept = { files: readable, role: role.value, kind: kind?.value ?? "" };
      localStorage.setItem(TEAM_KEY, JSON.stringify(kept));
      message.show(
        "Filerna är sparade i den här webbläsaren och visas igen nästa gång. Ta bort dem med ”Glöm filerna”.",
      );
      $("sk-team-forget").hidden = false;
    } catch (error) {
      message.show(`Filerna kunde inte sparas: ${failureText(error)}. De visas tills du stänger sidan.`, "warning");
    }
  });
  $("sk-team-forget").addEventListener("click", () => {
    forget();
    message.show("Filerna är inte längre sparade i den här webbläsaren; de visas tills du stänger sidan.");
  });
  function forget() {
    try {
      localStorage.removeItem(TEAM_KEY);
    } catch {
      /* nothing was stored */
    }
    $("sk-team-forget").hidden = true;
  }

  const saved = restore();
  if (saved) {
    files = saved.files.map((f) => ({ name: f.name, size: new TextEncoder().encode(f.text).length, text: f.text }));
    role.value = saved.role;
    if (kind && [...kind.options].some((option) => option.value === saved.kind)) kind.value = saved.kind;
    showKind();
    $("sk-team-forget").hidden = false;
    message.show(`${files.length} sparade filer från den här webbläsaren visas.`);
    update();
  }
  root.dataset.enhanced = "true";
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The team the manager saved on this device, or null. */
function restore() {
  try {
    const data = JSON.parse(localStorage.getItem(TEAM_KEY) ?? "null");
    const valid = (f) => f && typeof f.name === "string" && typeof f.text === "string";
    if (!data || !Array.isArray(data.files) || !data.files.every(valid)) return null;
    const text = (value) => (typeof value === "string" ? value : "");
    return { files: data.files, role: text(data.role), kind: text(data.kind) };
  } catch {
    return null;
  }
}
