// Säljkompetens: the team view's "Själv och chef": for each person with a manager's rating,
// the seller's and the manager's value per competency and their difference, all three in
// points 0–100 (the difference counted on the statements both answered), flagged from
// `flag_points` (one step on the answer scale per statement). DOM APIs only, from
// scoring_py's team_json.

import { el, siteLink } from "./dom.js";
import { signed } from "./numbers.js";

export function pairs(result, root) {
  const titles = new Map(result.competencies.map((c) => [c.slug, c]));
  const nodes = [
    el("h3", {}, "Själv och chef"),
    el(
      "p",
      { class: "sk-muted" },
      "Alla tre kolumnerna är poäng 0–100. Skillnaden är chefens värde minus säljarens, räknad på de " +
        `påståenden som båda har svarat på. Från ${result.flag_points} poäng, ett steg på svarsskalan per ` +
        "påstående, markeras den; en mindre skillnad kan komma av enstaka påståenden där ni bedömer olika.",
    ),
  ];
  const blocks = el("div", { class: "sk-pairs" });
  for (const pair of result.pairs) {
    const rows = pair.competencies.map((c) =>
      el(
        "tr",
        { "data-competency": c.slug, class: c.flagged ? "sk-flagged" : null },
        el("th", { scope: "row" }, siteLink(root, titles.get(c.slug).title, titles.get(c.slug).url)),
        el("td", { class: "sk-num" }, c.self ?? "–"),
        el("td", { class: "sk-num" }, c.manager ?? "–"),
        el("td", { class: "sk-num", "data-points": c.points ?? "" }, c.points === null ? "–" : signed(c.points)),
        el("td", {}, c.flagged ? "skiljer sig" : ""),
      ),
    );
    blocks.append(
      el(
        "div",
        { class: "sk-pair-block" },
        el("h4", {}, pair.self_file ? pair.label : `${pair.label} (bara chefens skattning)`),
        el(
          "div",
          { class: "sk-table", "data-pair": pair.label },
          el(
            "table",
            { class: "sk-pair sk-team-table" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", { scope: "col" }, "Kompetens"),
                ...["Själv", "Chef", "Skillnad"].map((t) => el("th", { scope: "col", class: "sk-num" }, t)),
                el("th", { scope: "col" }, el("span", { class: "sk-visually-hidden" }, "Markering")),
              ),
            ),
            el("tbody", {}, ...rows),
          ),
        ),
      ),
    );
  }
  nodes.push(blocks);
  return nodes;
}
