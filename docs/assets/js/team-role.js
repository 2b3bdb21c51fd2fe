// Säljkompetens: the team against a role: how many are under, at and over each target, and the
// team's priorities, named only where chance cannot explain them (scoring_py decides; this
// module only shows it).

import { el, siteLink } from "./dom.js";
import { decimal } from "./numbers.js";

export function rolePicture(result, root) {
  const team = result.aggregate;
  const rows = team.competencies.filter((row) => row.counts);
  const head = ["Kompetens", "Mål", "Tydligt under", "Inom mätfelet", "Tydligt över", "Utan värde"];
  const table = el(
    "table",
    { class: "sk-role-counts sk-team-table", "aria-labelledby": "sk-role-counts-title" },
    el(
      "thead",
      {},
      el("tr", {}, ...head.map((text, i) => el("th", { scope: "col", class: i ? "sk-num" : null }, text))),
    ),
    el(
      "tbody",
      {},
      ...rows.map((row) =>
        el(
          "tr",
          { "data-competency": row.slug },
          el("th", { scope: "row" }, siteLink(root, row.title, row.url)),
          el("td", { class: "sk-num" }, String(row.target)),
          el("td", { class: "sk-num", "data-count": "under" }, String(row.counts.under)),
          el("td", { class: "sk-num", "data-count": "at" }, String(row.counts.at)),
          el("td", { class: "sk-num", "data-count": "over" }, String(row.counts.over)),
          el("td", { class: "sk-num" }, String(row.unscored)),
        ),
      ),
    ),
  );
  const byslug = new Map(team.competencies.map((row) => [row.slug, row]));
  const priorities = team.priorities.map((slug) => {
    const row = byslug.get(slug);
    const reading = row.articles.length
      ? el(
          "span",
          {},
          " Läs: ",
          ...row.articles.flatMap((article, i) => [i ? ", " : "", siteLink(root, article.title, article.url)]),
          ".",
        )
      : null;
    return el(
      "li",
      { "data-competency": slug },
      siteLink(root, row.title, row.url),
      `: ${row.below} av ${row.scored} under målet ${row.target} (${row.counts.under} tydligt); teamets median ` +
        `${decimal(row.median)}.`,
      reading,
    );
  });
  return [
    el("h3", {}, `Mot rollen ${result.role.title}`),
    el(
      "p",
      { class: "sk-muted" },
      "Målnivåerna är webbplatsens egen bedömning av vad rollen kräver, med en motivering per mål på rollens " +
        "sida; en person räknas som under eller över målet först när skillnaden är större än mätfelet.",
    ),
    // Above the table, not its caption: a caption is as wide as the table and scrolls with it.
    el(
      "p",
      { id: "sk-role-counts-title" },
      `Hur många som ligger tydligt under, inom mätfelet från och tydligt över rollens mål (${result.role.title}):`,
    ),
    el("div", { class: "sk-table" }, table),
    el("h4", {}, "Teamets utvecklingsprioriteringar"),
    priorities.length
      ? el("ol", { class: "sk-priorities" }, ...priorities)
      : el("p", { class: "sk-no-priorities" }, noPriorities(team)),
  ];
}

/** Why no priority is named: too few people to tell, or no clear shortfall. */
function noPriorities(team) {
  if (team.priority_people && team.people < team.priority_people) {
    return (
      `Med ${team.people} personer går det inte att säkert peka ut prioriteringar; det kräver minst ` +
      `${team.priority_people} personer med värden. Se antalen i tabellen.`
    );
  }
  return "Teamet ligger inte tydligt under målet i någon kompetens: skillnaderna ryms inom det som slumpen kan ge.";
}
