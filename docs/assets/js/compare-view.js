// Säljkompetens: two attempts compared, drawn from what scoring_py.compare computes (DOM APIs
// only): the summary in words, then the whole test, the stages of the sale and each
// competency as a row: the earlier value (ring), the later (dot), the line between them, and in
// words the change, whether it is clear and the limit it had to pass. A row that cannot be
// compared says why. Testing hooks: data-change-competency / data-change-group /
// data-change-overall with data-before, data-after, data-change, data-reliable (up|down|none).

import { el, siteLink } from "./dom.js";
import { signed } from "./numbers.js";

const WORDS = { up: "tydlig förbättring", down: "tydlig försämring" };

/** The words for a row's decision. */
export function decision(row) {
  return WORDS[row.reliable] ?? "ingen säker förändring";
}

/** The nodes of the comparison `result` (compare_json's); `root` the site's root, for links. */
export function comparisonNodes(result, root) {
  const whole = [changeRow(result.overall, "Hela testet", { "data-change-overall": "" })];
  for (const group of result.groups) whole.push(changeRow(group, group.name, { "data-change-group": group.name }));
  const competencies = result.competencies.map((row) =>
    changeRow(row, siteLink(root, row.title, row.url), { "data-change-competency": row.slug }),
  );
  return [
    el("div", { class: "sk-summary" }, ...result.summary.map((sentence) => el("p", {}, sentence))),
    el("h3", {}, result.groups.length ? "Hela testet och försäljningens delar" : "Hela testet"),
    el("ul", { class: "sk-changes" }, ...whole),
    el("h3", {}, "Kompetenserna"),
    el("ul", { class: "sk-changes" }, ...competencies),
    legend(result),
  ];
}

function changeRow(row, label, hooks) {
  const attributes = {
    ...hooks,
    class: `sk-change-row${row.reliable ? ` sk-change-${row.reliable}` : ""}`,
    "data-before": row.before ?? "",
    "data-after": row.after ?? "",
    "data-change": row.change ?? "",
    "data-reliable": row.reliable ?? "none",
    "data-comparable": row.paired ? "true" : "false",
  };
  const name = el("span", { class: "sk-label" }, label);
  if (!row.paired) {
    return el(
      "li",
      attributes,
      name,
      el("span", { class: "sk-track sk-track-empty", "aria-hidden": "true" }),
      el("span", { class: "sk-change-text" }, `kan inte jämföras: ${row.reason}`),
    );
  }
  const [low, high] = [Math.min(row.before, row.after), Math.max(row.before, row.after)];
  const track = el(
    "span",
    { class: "sk-track", "aria-hidden": "true" },
    el("span", { class: "sk-change-span", style: `left: ${low}%; width: ${high - low}%` }),
    el("span", { class: "sk-change-before", style: `left: ${row.before}%` }),
    el("span", { class: "sk-change-after", style: `left: ${row.after}%` }),
  );
  const text = el(
    "span",
    { class: "sk-change-text" },
    `${row.before} → ${row.after} (${signed(row.change)}) `,
    el("span", { class: "sk-change-word" }, decision(row)),
    el("small", {}, ` · gräns ${row.threshold}`),
  );
  return el("li", attributes, name, track, text);
}

function legend(result) {
  const dates = [result.before.date, result.after.date].map((date) => date ?? "utan datum");
  return el(
    "ul",
    { class: "sk-legend", "aria-label": "Förklaring" },
    el("li", {}, el("span", { class: "sk-key sk-key-before", "aria-hidden": "true" }), `försöket ${dates[0]}`),
    el("li", {}, el("span", { class: "sk-key sk-key-after", "aria-hidden": "true" }), `försöket ${dates[1]}`),
    el(
      "li",
      {},
      "gräns: så mycket måste värdet ändras för att det inte ska kunna vara en slump (mätfelet i båda försöken)",
    ),
  );
}
