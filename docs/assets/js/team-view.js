// Säljkompetens: the team view, built with DOM APIs only (never innerHTML) from what
// scoring_py's team_json computes: a summary in words, the heat map (people × competencies),
// notes on each person's answers and label, the team's spread and role picture (from 3
// people), self beside manager (team-pairs.js) and each person's change over time
// (team-change.js). A self-test about the organisation has no per-person values at all
// (`per_person` false): only its spread, from 3 people.

import { el, siteLink } from "./dom.js";
import { decimal } from "./numbers.js";
import { changeNodes } from "./team-change.js";
import { pairs } from "./team-pairs.js";
import { qualityNodes } from "./team-quality.js";
import { rolePicture } from "./team-role.js";

const STATUS = { under: "under målet", at: "på målet", over: "över målet" };

/**
 * The nodes of the team view.
 * @param {object} result team_json's result
 * @param {URL} root the site's root (for links)
 * @param {{key: string, descending: boolean}} sort how the heat map's rows are ordered
 */
export function teamNodes(result, root, sort) {
  const nodes = [el("div", { class: "sk-summary" }, ...result.summary.map((sentence) => el("p", {}, sentence)))];
  if (result.selftest) {
    const source = result.selftest.source ? ` Källa: ${result.selftest.source.replace(/\.$/, "")}.` : "";
    nodes.push(
      el(
        "p",
        { class: "sk-muted", "data-team-selftest": result.selftest.slug },
        `Självtestet ${result.selftest.title}.${source}`,
      ),
    );
  }
  if (!result.per_person) {
    if (!result.respondents) return nodes;
    nodes.push(result.aggregate ? aggregate(result, root) : hidden(result));
    return nodes;
  }
  if (!result.people.length && !result.pairs.length) return nodes;
  if (result.people.length) {
    nodes.push(
      el("h3", { id: "sk-heat-title" }, "Var och en"),
      // Above the table, not its caption: a caption is as wide as the table and scrolls with it.
      el(
        "p",
        { class: "sk-muted", id: "sk-heat-note" },
        "Varje persons värde enligt den egna skattningen (0–100), med intervallet under. ",
        el("span", { class: "sk-screen-only" }, "Välj en rubrik för att sortera."),
      ),
      heatMap(result, sort),
    );
  }
  nodes.push(...qualityNotes(result));
  nodes.push(result.aggregate ? aggregate(result, root) : hidden(result));
  if (result.pairs.length) nodes.push(...pairs(result, root));
  if (result.change) nodes.push(...changeNodes(result, root)); // two attempts of one label: over time
  if (result.quality) nodes.push(...qualityNodes(result, root)); // α per competency, from 30 people
  return nodes;
}

function hidden(result) {
  const whose = result.per_person ? "egna skattningar" : "svar";
  return el(
    "p",
    { class: "sk-team-hidden" },
    `Teamets median, spridning och antal visas först när minst ${result.min_team} personers ${whose} ` +
      `finns med (nu ${result.respondents}), så att ingen enskild persons svar kan räknas fram ur dem.`,
  );
}

/** The rows of the heat map in the chosen order (unscored last when sorting by a competency). */
export function sortedPeople(people, sort) {
  const index = people.map((person, position) => ({ person, position }));
  const label = (a, b) => a.person.label.localeCompare(b.person.label, "sv");
  if (sort.key === "file") return people;
  if (sort.key === "person") {
    return index.sort((a, b) => (sort.descending ? -label(a, b) : label(a, b))).map((x) => x.person);
  }
  const score = (entry) => entry.person.competencies.find((c) => c.slug === sort.key)?.score ?? null;
  return index
    .sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      if (x === null || y === null) return (x === null) - (y === null) || a.position - b.position;
      return (sort.descending ? y - x : x - y) || a.position - b.position;
    })
    .map((x) => x.person);
}

function heatMap(result, sort) {
  const sortButton = (key, text) => {
    const active = sort.key === key;
    return el(
      "button",
      { type: "button", class: "sk-sort", "data-sort": key },
      text,
      el("span", { class: "sk-visually-hidden" }, active ? "" : " (sortera)"),
    );
  };
  const ariaSort = (key) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : null);
  const head = el(
    "tr",
    {},
    el("th", { scope: "col", "aria-sort": ariaSort("person") }, sortButton("person", "Person")),
    ...result.competencies.map((c) =>
      el("th", { scope: "col", "aria-sort": ariaSort(c.slug) }, sortButton(c.slug, c.title)),
    ),
  );
  const rows = sortedPeople(result.people, sort).map((person) => {
    const notes = person.quality.length + person.label_notes.length;
    const attributes = { "data-person": person.label };
    if (person.label_notes.length) attributes["data-label-notes"] = person.label_notes.map((n) => n.code).join(" ");
    return el(
      "tr",
      attributes,
      el(
        "th",
        { scope: "row" },
        person.label,
        notes ? el("span", { class: "sk-note-mark", title: "Se anteckningarna om svaren" }, " *") : null,
      ),
      ...person.competencies.map((cell) => heatCell(cell, result)),
    );
  });
  return el(
    "div",
    { class: "sk-table sk-heat-wrap", tabindex: "0", role: "region", "aria-labelledby": "sk-heat-title" },
    el(
      "table",
      { class: "sk-heat", "aria-labelledby": "sk-heat-title", "aria-describedby": "sk-heat-note" },
      el("thead", {}, head),
      el("tbody", {}, ...rows),
    ),
    legend(result),
  );
}

function legend(result) {
  const keys = result.bands.map((band) =>
    el("li", {}, el("span", { class: `sk-key sk-level-${band.level}`, "aria-hidden": "true" }), band.label),
  );
  if (result.role) {
    keys.push(
      el(
        "li",
        {},
        el("span", { class: "sk-key sk-key-under", "aria-hidden": "true" }),
        `under målet för ${result.role.title}`,
      ),
    );
  }
  keys.push(el("li", {}, "– ej skattad (för få svar)"));
  return el("ul", { class: "sk-legend", "aria-label": "Förklaring" }, ...keys);
}

function heatCell(cell, result) {
  const title = result.competencies.find((c) => c.slug === cell.slug)?.title ?? cell.slug;
  if (cell.score === null) {
    return el(
      "td",
      { "data-competency": cell.slug, "data-score": "", class: "sk-unscored", title: `${title}: ej skattad` },
      "–",
    );
  }
  const status = cell.status ? `, ${STATUS[cell.status]} ${cell.target}` : "";
  const attributes = {
    "data-competency": cell.slug,
    "data-score": cell.score,
    class: `sk-level-${cell.level}${cell.status === "under" ? " sk-under" : ""}`,
    title: `${title}: ${cell.score} (${cell.low}–${cell.high})${status}`,
  };
  if (cell.status) attributes["data-status"] = cell.status;
  return el(
    "td",
    attributes,
    el("span", { class: "sk-cell-score" }, String(cell.score)),
    el("span", { class: "sk-cell-range" }, `${cell.low}–${cell.high}`),
  );
}

function qualityNotes(result) {
  const noted = result.people.filter((person) => person.quality.length || person.label_notes.length);
  if (!noted.length) return [];
  return [
    el("h3", {}, "Om svaren"),
    el(
      "ul",
      { class: "sk-team-quality" },
      ...noted.map((person) =>
        el(
          "li",
          { "data-person": person.label },
          el("strong", {}, `${person.label}: `),
          el(
            "ul",
            {},
            ...[...person.label_notes, ...person.quality].map((note) =>
              el("li", { "data-code": note.code }, note.message),
            ),
          ),
        ),
      ),
    ),
  ];
}

function aggregate(result, root) {
  const team = result.aggregate;
  const section = el("section", { "data-team-aggregate": "", "aria-labelledby": "sk-spread-title" });
  section.append(
    el("h3", { id: "sk-spread-title" }, "Teamets spridning"),
    el(
      "p",
      { class: "sk-muted" },
      result.per_person
        ? `${team.people} personers egna skattningar: varje prick är en person, strecket går från lägsta till ` +
            "högsta värde och den breda markeringen är medianen. Bredvid står medianens intervall: så säkert " +
            "ligger teamets median där, med de här personerna. Med få personer är intervallet brett."
        : `${team.people} personers svar om organisationen, bara sammanställda: strecket går från lägsta till ` +
            "högsta värde och den breda markeringen är medianen, med medianens intervall bredvid. Inga värden " +
            "visas per person.",
    ),
    el("ul", { class: "sk-spread" }, ...team.competencies.map((row) => spreadRow(row, root))),
  );
  if (result.role) section.append(...rolePicture(result, root));
  return section;
}

function spreadRow(row, root) {
  const track = el("span", { class: "sk-track", "aria-hidden": "true" });
  if (row.scored) {
    track.append(
      el("span", { class: "sk-span", style: `left: ${row.lowest}%; width: ${row.highest - row.lowest}%` }),
      ...(row.scores ?? []).map((score) => el("span", { class: "sk-dot", style: `left: ${score}%` })),
      el("span", { class: "sk-median", style: `left: ${row.median}%` }),
    );
  }
  const said = row.scored
    ? `lägst ${row.lowest} · median ${decimal(row.median)} (${row.median_low}–${row.median_high} med ` +
      `${row.median_coverage}\u00a0% säkerhet) · högst ${row.highest}`
    : "ingen har ett värde";
  const counted = row.unscored ? ` (${row.scored} av ${row.scored + row.unscored} har ett värde)` : "";
  return el(
    "li",
    {
      "data-competency": row.slug,
      "data-median": row.median ?? "",
      "data-median-low": row.median_low ?? "",
      "data-median-high": row.median_high ?? "",
    },
    el("span", { class: "sk-label" }, siteLink(root, row.title, row.url)),
    track,
    el("span", { class: "sk-spread-text" }, said + counted),
  );
}
