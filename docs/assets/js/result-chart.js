// Säljkompetens: the result's competency profile as HTML/CSS bars (readable on a phone):
// one row per competency, sorted by score (or by the gap to the role), each bar coloured
// by its band, with the range around the score and the role's target when one is chosen.

import { el, siteLink } from "./dom.js";

/** The rows in reading order: largest shortfall first with a role, else highest score first. */
export function profileOrder(result) {
  const scored = result.competencies.filter((row) => row.score !== null);
  const unscored = result.competencies.filter((row) => row.score === null);
  if (!result.role) return [...scored.sort((a, b) => b.score - a.score), ...unscored];
  const order = new Map(result.role.targets.map((target, index) => [target.slug, index]));
  const rank = (row) => (order.has(row.slug) && row.score !== null ? order.get(row.slug) : order.size);
  return [...scored.sort((a, b) => rank(a) - rank(b) || b.score - a.score), ...unscored];
}

/** A row's bar: the score coloured by its band, and the range around it. */
export function barTrack(row) {
  const track = el("span", { class: "sk-track", "aria-hidden": "true" });
  if (row.score !== null) {
    track.append(
      el("span", { class: "sk-range", style: `left: ${row.low}%; width: ${row.high - row.low}%` }),
      el("span", { class: `sk-bar sk-level-${row.band.level}`, style: `width: ${Math.max(row.score, 1)}%` }),
    );
  }
  return track;
}

/** A row's value: the score and its range, or "ej skattad". */
export function valueNode(row) {
  return row.score === null
    ? el("span", { class: "sk-value" }, "ej skattad")
    : el("span", { class: "sk-value" }, String(row.score), el("small", {}, ` ${row.low}–${row.high}`));
}

export function profileChart(result, root) {
  const targets = new Map((result.role ? result.role.targets : []).map((t) => [t.slug, t.target]));
  const rows = profileOrder(result).map((row) => {
    const target = targets.get(row.slug);
    const track = barTrack(row);
    if (target !== undefined) track.append(el("span", { class: "sk-target", style: `left: ${target}%` }));
    const value = valueNode(row);
    const said =
      row.score === null
        ? `ej skattad (${row.answered} av ${row.items} besvarade)`
        : `${row.score} av 100, intervall ${row.low} till ${row.high}, ${row.band.label}`;
    return el(
      "li",
      {
        class: row.score === null ? "sk-row sk-unscored" : "sk-row",
        "data-competency": row.slug,
        "data-score": row.score ?? "",
        "data-low": row.low ?? "",
        "data-high": row.high ?? "",
      },
      el("span", { class: "sk-label" }, siteLink(root, row.title, row.url)),
      track,
      value,
      el("span", { class: "sk-visually-hidden" }, `: ${said}${target !== undefined ? `, rollens mål ${target}` : ""}`),
    );
  });
  return el(
    "figure",
    { class: "sk-profile" },
    el("ol", { class: "sk-rows" }, ...rows),
    el("figcaption", {}, ...legend(result)),
  );
}

export function legend(result) {
  const bands = new Map();
  for (const row of result.competencies) if (row.band) bands.set(row.band.level, row.band.label);
  const items = [...bands]
    .sort(([a], [b]) => a - b)
    .map(([level, label]) =>
      el("li", {}, el("span", { class: `sk-key sk-level-${level}`, "aria-hidden": "true" }), label),
    );
  items.push(
    el(
      "li",
      {},
      el("span", { class: "sk-key sk-key-range", "aria-hidden": "true" }),
      "intervall: så osäkert är värdet",
    ),
  );
  if (result.role) {
    items.push(
      el(
        "li",
        {},
        el("span", { class: "sk-key sk-key-target", "aria-hidden": "true" }),
        `mål för ${result.role.title}`,
      ),
    );
  }
  return [el("ul", { class: "sk-legend" }, ...items)];
}
