// Säljkompetens: what the report can and cannot claim: the stages of the sale (scored from
// all their answers, so far more precise than one competency), and the lowest values as a place to start when nothing stands out (marked as not a finding).
// Every number comes from scoring_py's result; nothing is decided here.

import { el, own, siteLink } from "./dom.js";
import { signed } from "./numbers.js";
import { barTrack, valueNode } from "./result-chart.js";

const DIRECTION = { high: "tydligt över de andra delarna", low: "tydligt under de andra delarna" };

/** The stages of the sale, each with its range and whether it clearly differs. */
export function groupNodes(result) {
  const groups = (result.groups || []).filter((group) => group.score !== null);
  if (groups.length < 2) return [];
  const rows = groups.map((group) => {
    const said = group.direction
      ? `${DIRECTION[group.direction]} (${signed(group.difference)} poäng mot de andras medel ${group.reference}; gränsen är ${group.threshold})`
      : `ingen tydlig skillnad mot de andra delarna (${signed(group.difference)} poäng; gränsen är ${group.threshold})`;
    return el(
      "li",
      {
        class: "sk-row sk-group-row",
        "data-group": group.name,
        "data-score": group.score,
        "data-direction": group.direction ?? "none",
      },
      el("span", { class: "sk-label" }, group.name),
      barTrack({ ...group, band: { level: "group" } }),
      valueNode(group),
      el("span", { class: "sk-row-note" }, `${group.answered} påståenden: ${said}`),
    );
  });
  return [
    el("h3", { id: "sk-delar" }, "Försäljningens delar"),
    el(
      "p",
      {},
      "Varje del räknas från alla dess svar tillsammans och kan därför visa mindre skillnader än en enskild " +
        "kompetens.",
    ),
    el("ol", { class: "sk-groups" }, ...rows),
  ];
}

/** The lowest values when nothing stands out: a place to start, not a result. */
export function reflectNodes(result, root) {
  if (!result.reflect?.length) return [];
  return [
    el(
      "div",
      { class: "sk-reflect", "data-finding": "false" },
      el(
        "p",
        {},
        el("strong", {}, "Inte ett resultat: "),
        own(result) ? "vill du ändå börja någonstans är dina lägsta värden" : "de lägsta värdena är",
      ),
      el(
        "ul",
        {},
        ...result.reflect.map((entry) =>
          el(
            "li",
            { "data-competency": entry.slug },
            siteLink(root, entry.title, entry.url),
            ` – ${entry.score} (${entry.low}–${entry.high})`,
          ),
        ),
      ),
      el(
        "p",
        {},
        `Skillnaderna mot ${own(result) ? "dina" : "de"} andra värden${own(result) ? "" : "a"} är så små att de kan vara slump.`,
      ),
    ),
  ];
}
