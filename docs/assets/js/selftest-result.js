// Säljkompetens: the report of a self-test written as content: its scales side by side in
// the self-test's own order (a profile, never a type or a ranking), each with its band's text
// for that scale and what the article says about it, then the source and what the self-test
// does not measure. DOM APIs only, from the result that scoring_py computes.

import { el, own, siteLink } from "./dom.js";
import { barTrack, legend, valueNode } from "./result-chart.js";

/** The nodes of a self-test's report (after the summary and the notes on the answers). */
export function selftestNodes(result, root) {
  const selftest = result.selftest;
  const self = selftest.audience === "self";
  const rows = result.competencies.map((row) => scaleRow(row));
  const nodes = [
    el(
      "h3",
      { id: "sk-profil" },
      own(result) ? (self ? "Din profil" : "Din bild av organisationen") : self ? "Profil" : "Bilden av organisationen",
    ),
    el(
      "p",
      { class: "sk-muted" },
      `Skalorna visas i testets ordning och läses var för sig: ett värde 0–100 enligt ${own(result) ? "din skattning" : "skattningen"}, med ` +
        "intervallet som visar hur osäkert det är.",
    ),
    el(
      "figure",
      { class: "sk-profile sk-selftest-profile" },
      el("ol", { class: "sk-rows" }, ...rows.map((r) => r.row)),
      el("figcaption", {}, ...legend(result)),
    ),
    el("h3", {}, self ? "Vad skalorna betyder" : "Vad kännetecknen betyder"),
    ...rows.map((r) => r.detail),
    el("h3", {}, "Källa"),
    el("p", { class: "sk-selftest-source" }, ...sourceNodes(selftest, root)),
  ];
  return nodes;
}

function scaleRow(row) {
  const said =
    row.score === null
      ? `ej skattad (${row.answered} av ${row.items} besvarade)`
      : `${row.score} av 100, intervall ${row.low} till ${row.high}, ${row.band.label}`;
  const attributes = {
    class: row.score === null ? "sk-row sk-unscored" : "sk-row",
    "data-scale": row.slug,
    "data-score": row.score ?? "",
    "data-low": row.low ?? "",
    "data-high": row.high ?? "",
  };
  const item = el(
    "li",
    attributes,
    el("span", { class: "sk-label" }, row.title),
    barTrack(row),
    valueNode(row),
    el("span", { class: "sk-visually-hidden" }, `: ${said}`),
  );
  const detail = el(
    "section",
    { class: "sk-scale-detail", "data-scale-detail": row.slug },
    el("h4", {}, row.title, row.band ? el("span", { class: "sk-band-label" }, ` – ${row.band.label}`) : ""),
    row.band
      ? el("p", {}, row.band.text)
      : el("p", {}, `Inget värde: ${row.answered} av ${row.items} påståenden besvarade.`),
    el("p", { class: "sk-about" }, el("strong", {}, "Vad artikeln säger: "), row.description),
  );
  return { row: item, detail };
}

function sourceNodes(selftest, root) {
  const nodes = ["Testet bygger på "];
  selftest.articles.forEach((article, index) => {
    if (index) nodes.push(index === selftest.articles.length - 1 ? " och " : ", ");
    nodes.push(siteLink(root, article.title, article.url));
  });
  nodes.push(selftest.source ? `, som i sin tur bygger på ${selftest.source.replace(/\.$/, "")}` : "", ".");
  return nodes;
}
