// Säljkompetens: the team view's "Hur exakta är påståendena i ert team?": per competency
// Cronbach's α with its interval, the measurement error the team's answers suggest (with its
// interval) beside the one the site's ranges use, and the verdict, from scoring_py's team_json
// (`quality`, scoring_py.team_quality). Below `min_people` people, one line saying so. DOM APIs
// only. Testing hooks: tr[data-quality-competency][data-verdict="narrower|wider|agree|none"].

import { el, siteLink } from "./dom.js";

const VERDICT = {
  narrower: "Webbplatsens intervall är för smala",
  wider: "Webbplatsens intervall är bredare än de behöver",
  agree: "Stämmer med era svar",
};

/** A number with a decimal comma and a minus sign, with `digits` decimals. */
const number = (value, digits) =>
  new Intl.NumberFormat("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A value with its interval: "0,84 (0,70–0,92)"; "till" when the low end is negative. */
function withInterval(value, low, high, digits) {
  const between = low < 0 ? " till " : "–";
  return `${number(value, digits)} (${number(low, digits)}${between}${number(high, digits)})`;
}

/** The nodes of the section for team_json's `result` (whose `quality` is set). */
export function qualityNodes(result, root) {
  const quality = result.quality;
  const nodes = [el("h3", { id: "sk-quality-title" }, "Hur exakta är påståendena i ert team?")];
  if (quality.competencies === null) {
    nodes.push(el("p", { class: "sk-muted", "data-team-quality": "hidden" }, ...quality.summary));
    return nodes;
  }
  const urls = new Map(result.competencies.map((c) => [c.slug, c.url]));
  const [one, the] = result.selftest ? ["skala", "skalan"] : ["kompetens", "kompetensen"];
  const percent = `${quality.error_percent}\u00a0%`;
  nodes.push(
    el(
      "p",
      { class: "sk-muted", id: "sk-quality-note" },
      `Cronbachs α visar hur väl påståendena i en ${one} mäter samma sak: nära 1 svarar var och en ` +
        "likartat på dem, nära 0 spretar svaren. Mätfelet är hur mycket en persons värde kan variera bara för " +
        "att påståendena är få; intervallen runt varje värde på webbplatsen bygger på mätfelet i näst sista " +
        `kolumnen. Räknat på säljarnas egna skattningar, från dem som besvarat alla påståenden i ${the}. Med ` +
        `${quality.min_people}–50 personer är intervallen i tabellen breda, så bara en tydlig skillnad ger en annan slutsats än att ` +
        `de stämmer. Alla slutsatser tillsammans är fel högst ${percent} av gångerna.`,
    ),
    el(
      "div",
      { class: "sk-summary", "data-team-quality": "summary" },
      ...quality.summary.map((sentence) => el("p", {}, sentence)),
    ),
    table(quality, root, urls, result.selftest ? "Skala" : "Kompetens"),
  );
  return nodes;
}

function table(quality, root, urls, part) {
  const columns = [
    [part, null],
    ["Personer", "sk-num"],
    ["α (intervall)", "sk-num"],
    ["Mätfel enligt era svar (intervall, poäng)", "sk-num"],
    ["Mätfel som webbplatsen räknar med", "sk-num"],
    ["Slutsats", null],
  ];
  const rows = quality.competencies.map((row) => {
    const judged = row.verdict !== null;
    return el(
      "tr",
      { "data-quality-competency": row.slug, "data-verdict": row.verdict ?? "none" },
      el("th", { scope: "row" }, siteLink(root, row.title, urls.get(row.slug))),
      el("td", { class: "sk-num" }, String(row.people)),
      el("td", { class: "sk-num" }, judged ? withInterval(row.alpha, row.alpha_low, row.alpha_high, 2) : "–"),
      el("td", { class: "sk-num" }, judged ? withInterval(row.sem_data, row.sem_low, row.sem_high, 1) : "–"),
      el("td", { class: "sk-num" }, judged ? number(row.sem_site, 1) : "–"),
      el(
        "td",
        {},
        judged ? VERDICT[row.verdict] : `För få har besvarat alla påståenden (${row.people} av ${quality.min_people})`,
      ),
    );
  });
  return el(
    "div",
    { class: "sk-table sk-quality-wrap", tabindex: "0", role: "region", "aria-labelledby": "sk-quality-title" },
    el(
      "table",
      {
        class: "sk-team-table sk-quality",
        "aria-labelledby": "sk-quality-title",
        "aria-describedby": "sk-quality-note",
      },
      el("thead", {}, el("tr", {}, ...columns.map(([text, cls]) => el("th", { scope: "col", class: cls }, text)))),
      el("tbody", {}, ...rows),
    ),
  );
}
