// Säljkompetens: the team view's "Över tid": for each person with two attempts (two files with
// the same label and different dates) the change per competency and for the whole test, a
// clear change marked; then the team's median change per competency with its interval (from
// `min_team` people) and who changed clearly. DOM APIs only, from scoring_py's team_json
// (`change`, scoring_py.team_change). Testing hooks: tr[data-change-person] with
// td[data-change-competency][data-before][data-after][data-change][data-reliable], and
// li[data-change-team] with data-median, data-median-low, data-median-high.

import { decision } from "./compare-view.js";
import { el, siteLink } from "./dom.js";
import { signed } from "./numbers.js";

/** The nodes of "Över tid" for team_json's `result` (whose `change` is set). */
export function changeNodes(result, root) {
  const change = result.change;
  const nodes = [
    el("h3", { id: "sk-change-title" }, "Över tid"),
    el(
      "p",
      { class: "sk-muted", id: "sk-change-note" },
      "För var och en med två filer med olika datum: förändringen från det tidigare försöket till det senare, i " +
        "poäng, räknad på de påståenden som båda försöken besvarade. En färgad ruta är en tydlig förändring, större " +
        "än mätfelet kan ge av en slump; gränsen står när du pekar på rutan.",
    ),
    changeTable(result),
  ];
  if (change.set_aside.length) {
    nodes.push(
      el(
        "p",
        { class: "sk-muted" },
        `* Räknas inte in i teamets förändring: svaren i ett av försöken följer ett mönster (${change.set_aside.join(", ")}).`,
      ),
    );
  }
  nodes.push(el("h4", {}, "Teamets förändring"), teamChange(result, root));
  return nodes;
}

function changeTable(result) {
  const titles = result.competencies.map((c) => c.title);
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, "Person"),
    el("th", { scope: "col" }, "Försöken"),
    el("th", { scope: "col" }, el("span", { class: "sk-vertical" }, "Hela testet")),
    ...titles.map((title) => el("th", { scope: "col" }, el("span", { class: "sk-vertical" }, title))),
  );
  const rows = result.change.people.map((person) =>
    el(
      "tr",
      { "data-change-person": person.label },
      el("th", { scope: "row" }, person.label, person.counted ? null : el("span", { class: "sk-note-mark" }, " *")),
      el("td", { class: "sk-change-dates" }, `${person.before_date} → ${person.after_date}`),
      changeCell(person.overall, "Hela testet", { "data-change-overall": "" }),
      ...person.competencies.map((row, index) =>
        changeCell(row, titles[index], { "data-change-competency": row.slug }),
      ),
    ),
  );
  return el(
    "div",
    { class: "sk-table sk-heat-wrap", tabindex: "0", role: "region", "aria-labelledby": "sk-change-title" },
    el(
      "table",
      { class: "sk-heat sk-change-heat", "aria-labelledby": "sk-change-title", "aria-describedby": "sk-change-note" },
      el("thead", {}, head),
      el("tbody", {}, ...rows),
    ),
  );
}

function changeCell(row, title, hooks) {
  const attributes = {
    ...hooks,
    "data-before": row.before ?? "",
    "data-after": row.after ?? "",
    "data-change": row.change ?? "",
    "data-reliable": row.reliable ?? "none",
  };
  if (!row.paired) {
    return el("td", { ...attributes, class: "sk-unscored", title: `${title}: kan inte jämföras (${row.reason})` }, "–");
  }
  const said = `${title}: ${row.before} → ${row.after}, ${signed(row.change)}, ${decision(row)} (gräns ${row.threshold})`;
  return el(
    "td",
    { ...attributes, class: row.reliable ? `sk-change-${row.reliable}` : null, title: said },
    el("span", { class: "sk-cell-score" }, signed(row.change)),
    el("span", { class: "sk-visually-hidden" }, ` ${decision(row)}`),
  );
}

/** A change (−100 … +100) as a position on a track whose middle is no change. */
const at = (change) => (change + 100) / 2;

function teamChange(result, root) {
  const change = result.change;
  if (change.counted < change.min_team) {
    return el(
      "p",
      { class: "sk-team-hidden" },
      `Teamets förändring (medianen per kompetens) visas först när minst ${change.min_team} personer har två ` +
        `försök vars svar inte följer ett mönster (nu ${change.counted}), så att ingen enskild persons förändring ` +
        "kan räknas fram ur den.",
    );
  }
  const rows = change.competencies.map((row) => {
    const track = el("span", { class: "sk-track sk-change-track", "aria-hidden": "true" });
    track.append(el("span", { class: "sk-zero" }));
    if (row.median !== null) {
      const [low, high] = [at(row.median_low), at(row.median_high)];
      track.append(
        el("span", { class: "sk-span", style: `left: ${low}%; width: ${high - low}%` }),
        ...row.changes.map((value) => el("span", { class: "sk-dot", style: `left: ${at(value)}%` })),
        el("span", { class: "sk-median", style: `left: ${at(row.median)}%` }),
      );
    }
    const parts = [
      row.median === null
        ? `för få att jämföra (${row.compared})`
        : `median ${signed(row.median)} (${signed(row.median_low)} till ${signed(row.median_high)}, ` +
          `${row.median_coverage}\u00a0% säkerhet)`,
    ];
    if (row.up.length) parts.push(`tydlig förbättring: ${row.up.join(", ")}`);
    if (row.down.length) parts.push(`tydlig försämring: ${row.down.join(", ")}`);
    return el(
      "li",
      {
        "data-change-team": row.slug,
        "data-median": row.median ?? "",
        "data-median-low": row.median_low ?? "",
        "data-median-high": row.median_high ?? "",
      },
      el(
        "span",
        { class: "sk-label" },
        siteLink(root, row.title, result.competencies.find((c) => c.slug === row.slug)?.url),
      ),
      track,
      el("span", { class: "sk-spread-text" }, parts.join(" · ")),
    );
  });
  return el(
    "div",
    { "data-team-change": "" },
    el(
      "p",
      { class: "sk-muted" },
      `${change.counted} personers förändring: varje prick är en person, mitten av strecket är ingen förändring, ` +
        "den breda markeringen är medianen och det grå strecket medianens intervall.",
    ),
    el("ul", { class: "sk-spread" }, ...rows),
  );
}
