// Säljkompetens: the attempts over time as HTML/CSS bars (readable on a phone), from what
// scoring_py.compare.timeline computes: the whole test and then each stage of the sale, each
// with one row per attempt, oldest first: the value as a bar and the range around it, as the
// report's profile draws them (result-chart.js, assessment.css).

import { el } from "./dom.js";

/** How each attempt is named in the chart and the lists: its date, and "(2)" for a second
 * attempt the same day. */
export function attemptNames(attempts) {
  const seen = new Map();
  return attempts.map((attempt) => {
    const count = (seen.get(attempt.date) ?? 0) + 1;
    seen.set(attempt.date, count);
    return count > 1 ? `${attempt.date} (${count})` : attempt.date;
  });
}

/** The measures the chart shows: the whole test, then the stages in their order. */
export function measures(timeline) {
  const names = [];
  for (const attempt of timeline.attempts) {
    for (const group of attempt.groups ?? []) if (!names.includes(group.name)) names.push(group.name);
  }
  return [{ name: "Hela testet", pick: (attempt) => attempt.overall }].concat(
    names.map((name) => ({ name, pick: (attempt) => attempt.groups.find((group) => group.name === name) })),
  );
}

/** The chart: `timeline` (timeline_json's result) for the attempts named `names`. */
export function timelineChart(timeline, names) {
  const blocks = measures(timeline).map((measure, index) => {
    const rows = timeline.attempts.map((attempt, at) => attemptRow(attempt, names[at], measure.pick, index === 0));
    return el(
      "li",
      { class: "sk-timeline-measure", "data-measure": measure.name },
      el("span", { class: "sk-timeline-name" }, measure.name),
      el("ol", { class: "sk-rows" }, ...rows),
    );
  });
  return el(
    "figure",
    { class: "sk-profile sk-timeline" },
    el("ul", { class: "sk-timeline-measures" }, ...blocks),
    el(
      "figcaption",
      {},
      el(
        "ul",
        { class: "sk-legend" },
        el("li", {}, el("span", { class: "sk-key sk-level-2", "aria-hidden": "true" }), "hela testet"),
        el("li", {}, el("span", { class: "sk-key sk-level-group", "aria-hidden": "true" }), "försäljningens delar"),
        el(
          "li",
          {},
          el("span", { class: "sk-key sk-key-range", "aria-hidden": "true" }),
          "intervall: så osäkert är värdet",
        ),
      ),
    ),
  );
}

function attemptRow(attempt, name, pick, whole) {
  const shown = attempt.error ? null : pick(attempt);
  const score = shown?.score ?? null;
  const attributes = {
    class: score === null ? "sk-row sk-unscored" : "sk-row",
    "data-attempt-date": attempt.date ?? "",
    "data-score": score ?? "",
    "data-low": shown?.low ?? "",
    "data-high": shown?.high ?? "",
  };
  const track = el("span", { class: "sk-track", "aria-hidden": "true" });
  let value;
  let said;
  if (attempt.error) {
    value = el("span", { class: "sk-value" }, "kunde inte läsas");
    said = `kunde inte läsas: ${attempt.error}`;
  } else if (score === null) {
    value = el("span", { class: "sk-value" }, "för få svar");
    said = `för få svar (${shown?.answered ?? 0} av ${shown?.statements ?? 0} besvarade)`;
  } else {
    track.append(
      el("span", { class: "sk-range", style: `left: ${shown.low}%; width: ${shown.high - shown.low}%` }),
      el("span", {
        class: `sk-bar ${whole ? "sk-level-2" : "sk-level-group"}`,
        style: `width: ${Math.max(score, 1)}%`,
      }),
    );
    value = el("span", { class: "sk-value" }, String(score), el("small", {}, ` ${shown.low}–${shown.high}`));
    said = `${score} av 100, intervall ${shown.low} till ${shown.high}`;
  }
  return el(
    "li",
    attributes,
    el("span", { class: "sk-label" }, name),
    track,
    value,
    el("span", { class: "sk-visually-hidden" }, `: ${said}`),
  );
}
