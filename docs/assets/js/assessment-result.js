// Säljkompetens: the report, built with DOM APIs only (never innerHTML) from the result that
// scoring_py computes: summary in words, notes on the answers, the profile, the comparison
// with a role, what to work on, the strengths, and what a self-assessment does not measure.

import { el, own, siteLink } from "./dom.js";
import { profileChart } from "./result-chart.js";
import { groupNodes } from "./result-claims.js";
import { developmentNodes, strengthNodes } from "./result-focus.js";
import { selftestNodes } from "./selftest-result.js";

const STATUS = { under: "under målet", at: "på målet", over: "över målet" };
const HEADINGS = ["Kompetens", "Mål", "Värde", "Intervall för rollen", "Läge", "Varför målet"];

/** Shows `result` in the result section (`#resultat`), marked ready. */
export function renderResult(section, result, root, date = new Date()) {
  section.querySelector("#sk-result-body").replaceChildren(...resultNodes(result, root));
  const placeholder = section.querySelector(".sk-result-empty");
  if (placeholder) placeholder.hidden = true;
  const when = date.toLocaleDateString("sv-SE", { year: "numeric", month: "long", day: "numeric" });
  const what = result.selftest ? result.selftest.title : "Självskattning";
  section.querySelector("#sk-report-meta").textContent =
    `${what} ${when}${result.role ? `, jämförd med rollen ${result.role.title}` : ""}`;
  section.dataset.answered = String(result.answered);
  // One's own answers, not all given yet: a partial result, and the heading says so.
  const heading = section.querySelector("#resultat-rubrik");
  const partial = result.answered + result.not_applicable < result.items;
  heading.dataset.partial = String(partial);
  if (heading.dataset.owner === "self") heading.textContent = partial ? "Ditt delresultat" : "Ditt resultat";
  section.dataset.state = "ready";
}

/** Empties the result section: nothing answered. */
export function clearResult(section) {
  section.querySelector("#sk-result-body").replaceChildren();
  section.querySelector("#sk-report-meta").textContent = "";
  const placeholder = section.querySelector(".sk-result-empty");
  if (placeholder) {
    placeholder.textContent = "Resultatet visas här när du har svarat.";
    placeholder.hidden = false;
  }
  section.dataset.state = "empty";
  delete section.dataset.answered;
}

/** The nodes of the report. */
export function resultNodes(result, root) {
  const nodes = [el("div", { class: "sk-summary" }, ...result.summary.map((sentence) => el("p", {}, sentence)))];
  if (result.quality.length) {
    nodes.push(
      el(
        "div",
        { class: "sk-quality admonition warning" },
        el("p", { class: "admonition-title" }, own(result) ? "Om dina svar" : "Om svaren"),
        el("ul", {}, ...result.quality.map((note) => el("li", { "data-code": note.code }, note.message))),
      ),
    );
  }
  if (result.selftest) {
    nodes.push(...selftestNodes(result, root));
    nodes.push(el("h3", {}, "Vad testet inte mäter"), el("p", { class: "sk-limits" }, result.limits));
    return nodes;
  }
  nodes.push(...groupNodes(result));
  nodes.push(el("h3", { id: "sk-profil" }, "Kompetensprofil"), profileChart(result, root));
  if (result.role) nodes.push(...roleSection(result, root));
  nodes.push(...developmentNodes(result, root), ...strengthNodes(result, root));
  nodes.push(el("h3", {}, "Vad en självskattning inte mäter"), el("p", { class: "sk-limits" }, result.limits));
  return nodes;
}

function roleSection(result, root) {
  const { role, claims } = result;
  const rows = role.targets.map((t) =>
    el(
      "tr",
      { "data-role-competency": t.slug, "data-gap": t.gap ?? "", "data-status": t.status ?? "" },
      el("th", { scope: "row" }, siteLink(root, t.title, t.url)),
      el("td", { class: "sk-num" }, String(t.target)),
      el("td", { class: "sk-num" }, t.score === null ? "ej skattad" : `${t.score} (${t.low}–${t.high})`),
      el("td", { class: "sk-num" }, t.role_low === null ? "–" : `${t.role_low}–${t.role_high}`),
      el("td", {}, t.status ? STATUS[t.status] : "–"),
      el("td", { class: "sk-why" }, t.why),
    ),
  );
  // On screen only: in print the profile's target marks and the development areas say it.
  const head = el("thead", {}, el("tr", {}, ...HEADINGS.map((h) => el("th", { scope: "col" }, h))));
  const caption = el(
    "caption",
    {},
    `Rollens mål jämförda med ${own(result) ? "din skattning" : "skattningen"} (${role.title}).`,
  );
  const withheld = role.targets.length && role.targets.every((t) => t.score === null || t.status === null);
  const rule = withheld
    ? `Lägena mot målen visas inte, eftersom ${own(result) ? "dina svar" : "svaren"} följer ett mönster (se anteckningarna ovan).`
    : "Under eller över målet betyder att målet ligger utanför värdets intervall för rollen. Det är bredare " +
      "än det vanliga intervallet, eftersom rollen jämförs i många kompetenser på en gång: risken att få ett " +
      `felaktigt läge någonstans i rollen är högst ${claims.family_error}\u00a0%. Störst avstånd under målet visas först.`;
  return [
    el("h3", { class: "sk-screen" }, "Jämförelse med rollen ", siteLink(root, role.title, role.url)),
    el("p", { class: "sk-screen" }, rule),
    el(
      "p",
      { class: "sk-screen sk-editorial" },
      "Målnivåerna är webbplatsens egen bedömning av vad rollen kräver, inte en norm från forskning; varje mål har " +
        "sin motivering.",
    ),
    el(
      "div",
      { class: "sk-table sk-role-table sk-screen" },
      el("table", { class: "sk-role" }, caption, head, el("tbody", {}, ...rows)),
    ),
  ];
}
