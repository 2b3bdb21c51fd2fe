// Säljkompetens: the sales manager's team view (ES module). The sellers' answer files are
// read in this browser and scored by scoring_py's team_json in the same worker as the
// self-assessment; Python starts when the first file is added. Nothing is uploaded, and
// nothing is stored unless the manager asks for it ("Spara på den här datorn"). Each file has
// a time budget (`data-file-budget-ms` on #sk-team, default 15 s): a file the worker makes no
// progress on for that long is stopped and listed, and the others are shown (team-files.js).

import { download, Message } from "./form-view.js";
import { ScoringClient, StalledFile } from "./scoring-client.js";
import { failureText } from "./storage.js";
import { fileBudget, fileItem, readChosen, stoppedEntry } from "./team-files.js";
import { teamNodes } from "./team-view.js";

export const TEAM_KEY = "saljkompetens.team.v1";
const $ = (id) => document.getElementById(id);
const root = $("sk-team");
if (root) main();

function main() {
  const section = $("sk-team-result");
  const list = $("sk-team-file-list");
  const role = $("sk-team-role");
  const kind = $("sk-team-kind"); // which assessment the files answer: "" or a check's slug
  const definitions = new Map(); // check slug → its definition text (a promise)
  const progress = $("sk-team-progress");
  const progressText = $("sk-team-progress-text");
  const message = new Message($("sk-team-message"));
  const siteRoot = new URL(root.dataset.root, document.baseURI);
  let client = null;
  let files = []; // {name, text} read, or {name, error} refused before reading
  let result = null;
  let sort = { key: "file", descending: false };
  let run = 0;

  async function add(chosen) {
    files.push(...(await readChosen(chosen, new Set(files.map((f) => f.name)))));
    followFiles();
    await update();
  }

  /** When every file that says so answers one check (or none), show that one. */
  function followFiles() {
    if (!kind) return;
    const named = new Set();
    for (const file of files) {
      if (!("text" in file)) continue;
      try {
        const data = JSON.parse(file.text);
        named.add(data?.check ?? data?.answers?.check ?? "");
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

  /** The definition text of the chosen check, or null for the competency assessment. */
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
    $("sk-team-actions").hidden = files.length === 0;
    $("sk-team-files-title").hidden = files.length === 0;
    if (!files.length) {
      result = null;
      list.replaceChildren();
      section.replaceChildren();
      section.dataset.state = "empty";
      return;
    }
    client ??= ScoringClient.fromElement(root);
    section.dataset.state = "updating";
    progress.hidden = false;
    progressText.textContent = client.state === "ready" ? "" : "Poängräkningen (Python i din webbläsare) startar …";
    try {
      const definition = await chosenDefinition();
      const text = await scoreFiles(current, definition, definition ? "" : role.value);
      if (current !== run) return;
      result = JSON.parse(text);
      show();
    } catch (error) {
      if (current !== run) return;
      section.dataset.state = "error";
      message.show(`Teamets bild kunde inte räknas fram: ${error.message}`, "error");
    } finally {
      if (current === run) {
        progress.hidden = true;
        progressText.textContent = "";
      }
    }
  }

  /** team_json of the readable files. A file the worker makes no progress on within the
   * budget is stopped (the client starts a new worker) and the rest are sent again. */
  async function scoreFiles(current, definition, chosenRole) {
    const onProgress = (done, total) => {
      if (current !== run) return;
      progress.value = done;
      progressText.textContent = done < total ? `Läser fil ${done + 1} av ${total} …` : "Räknar …";
    };
    for (;;) {
      const readable = files.filter((f) => "text" in f);
      progress.max = readable.length || 1;
      progress.value = 0;
      try {
        return await client.team(readable, chosenRole, onProgress, definition, fileBudget(root));
      } catch (error) {
        if (current !== run || !(error instanceof StalledFile || error.restarted)) throw error;
        if (error instanceof StalledFile) {
          files = files.map((f) => (f.name === error.file ? stoppedEntry(f.name, error.budgetMs) : f));
        }
        progressText.textContent = "En fil tog för lång tid och stoppades; poängräkningen startar om …";
      }
    }
  }

  function show() {
    const reports = new Map(result.files.map((report) => [report.file, report]));
    list.replaceChildren(...files.map((file) => fileItem(file, reports.get(file.name))));
    section.replaceChildren(...teamNodes(result, siteRoot, sort));
    section.dataset.state = "ready";
    section.dataset.people = String(result.respondents); // own ratings counted (none shown for some checks)
  }

  section.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button || !result) return;
    const key = button.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : key !== "person" };
    show();
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
    download("saljkompetens-team.csv", blob);
    message.show("Tabellen är sparad som CSV (en rad per person, en kolumn per kompetens).");
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
      const kept = { files: files.filter((f) => "text" in f), role: role.value, kind: kind?.value ?? "" };
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
    files = saved.files;
    role.value = saved.role;
    if (kind && [...kind.options].some((option) => option.value === saved.kind)) kind.value = saved.kind;
    showKind();
    $("sk-team-forget").hidden = false;
    message.show(`${files.length} sparade filer från den här webbläsaren visas.`);
    update();
  }
  root.dataset.enhanced = "true";
}

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
