// Säljkompetens: the team view's "Själv och chef": for each person with a manager's rating,
// the seller's and the manager's value per competency and their difference, flagged from
// `flag_steps` steps. DOM APIs only, from scoring_py's team_json.

import { el, siteLink } from "./dom.js";

/** A number with a decimal comma, as Swedish readers write it. */
export const decimal = (value) => String(value).replace(".", ",");

export function pairs(result, root) {
  const titles = new Map(result.competencies.map((c) => [c.slug, c]));
  const nodes = [
    el("h3", {}, "Själv och chef"),
    el(
      "p",
      { class: "sk-muted" },
      `Skillnaden är chefens svar minus säljarens, i steg på svarsskalan och i snitt per påstående som båda har ` +
        `svarat på. Från ${result.flag_steps} steg markeras den: mindre än så kan vara enstaka påståenden där ni ` +
        "bedömer olika.",
    ),
  ];
  for (const pair of result.pairs) {
    const rows = pair.competencies.map((c) =>
      el(
        "tr",
        { "data-competency": c.slug, class: c.flagged ? "sk-flagged" : null },
        el("th", { scope: "row" }, siteLink(root, titles.get(c.slug).title, titles.get(c.slug).url)),
        el("td", { class: "sk-num" }, c.self ?? "–"),
        el("td", { class: "sk-num" }, c.manager ?? "–"),
        el("td", { class: "sk-num" }, c.difference === null ? "–" : signed(c.difference)),
        el("td", {}, c.flagged ? "skiljer sig" : ""),
      ),
    );
    nodes.push(
      el("h4", {}, pair.self_file ? pair.label : `${pair.label} (bara chefens skattning)`),
      el(
        "div",
        { class: "sk-table", "data-pair": pair.label },
        el(
          "table",
          { class: "sk-pair" },
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
    );
  }
  return nodes;
}

function signed(value) {
  const text = decimal(
    Math.abs(value)
      .toFixed(2)
      .replace(/\.?0+$/, ""),
  );
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0";
}
