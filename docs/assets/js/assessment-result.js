// Säljkompetens: the result view of the self-assessment, built with DOM APIs only
// (never innerHTML), from the result JSON that scoring_py computes.

import { el } from "./dom.js";
import { profileChart } from "./result-chart.js";

/** Shows `result` in the result section (`#resultat`), marked ready. */
export function renderResult(section, result, root) {
  section.querySelector("#sk-result-body").replaceChildren(...resultNodes(result, root));
  const placeholder = section.querySelector(".sk-result-empty");
  if (placeholder) placeholder.hidden = true;
  section.dataset.answered = String(result.answered);
  section.dataset.state = "ready";
}

/** Empties the result section: nothing answered. */
export function clearResult(section) {
  section.querySelector("#sk-result-body").replaceChildren();
  const placeholder = section.querySelector(".sk-result-empty");
  if (placeholder) placeholder.hidden = false;
  section.dataset.state = "empty";
  delete section.dataset.answered;
}

/**
 * The nodes of the result view.
 * @param {object} result a "saljkompetens-resultat" object
 * @param {URL} root the site's root URL, to resolve the result's links
 * @returns {Node[]}
 */
export function resultNodes(result, root) {
  const body = [];
  body.push(
    el(
      "p",
      { class: "sk-summary" },
      `Du har besvarat ${result.answered} av ${result.items} påståenden. Helhetsindex: `,
      el("strong", {}, result.overall === null ? "ej skattat" : `${result.overall} av 100`),
      ".",
    ),
  );

  if (result.quality.length) {
    body.push(
      el(
        "div",
        { class: "sk-quality admonition warning" },
        el("p", { class: "admonition-title" }, "Om dina svar"),
        el("ul", {}, ...result.quality.map((note) => el("li", { "data-code": note.code }, note.message))),
      ),
    );
  }

  body.push(el("h3", { id: "sk-profil" }, "Kompetensprofil"));
  body.push(profileChart(result));
  body.push(profileTable(result, root));
  body.push(bandList(result));

  if (result.role) body.push(...roleSection(result.role, root));

  body.push(el("h3", {}, "Dina styrkor"));
  body.push(rankedList(result.strengths, root, "Inga kompetenser är skattade än."));
  body.push(el("h3", {}, "Dina utvecklingsområden"));
  body.push(rankedList(result.development, root, "Inga utvecklingsområden att visa än."));

  body.push(el("h3", {}, "Tankesätt"));
  body.push(mindsetTable(result, root));
  return body;
}

function scoreText(score) {
  return score === null ? "ej skattad" : String(score);
}

function profileTable(result, root) {
  const withRole = Boolean(result.role);
  const targets = new Map((result.role ? result.role.gaps : []).map((g) => [g.slug, g]));
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, "Kompetens"),
    el("th", { scope: "col" }, "Poäng (0–100)"),
    el("th", { scope: "col" }, "Nivå"),
    el("th", { scope: "col" }, "Besvarade"),
    ...(withRole ? [el("th", { scope: "col" }, "Rollens mål")] : []),
  );
  const rows = result.competencies.map((row) =>
    el(
      "tr",
      {
        "data-competency": row.slug,
        "data-score": row.score === null ? "" : String(row.score),
        class: row.score === null ? "sk-unscored" : "",
      },
      el("th", { scope: "row" }, link(root, row.title, row.url)),
      el("td", { class: "sk-num" }, scoreText(row.score)),
      el("td", {}, row.band ? row.band.label : "–"),
      el("td", { class: "sk-num" }, `${row.answered} av ${row.items}`),
      ...(withRole
        ? [el("td", { class: "sk-num" }, targets.has(row.slug) ? String(targets.get(row.slug).target) : "–")]
        : []),
    ),
  );
  return el(
    "div",
    { class: "md-typeset__scrollwrap" },
    el(
      "div",
      { class: "md-typeset__table sk-table sk-profile-table" },
      el(
        "table",
        {},
        el("caption", {}, "Kompetensprofilen i siffror. ”Ej skattad” betyder för få svar för att räkna fram en poäng."),
        el("thead", {}, head),
        el("tbody", {}, ...rows),
      ),
    ),
  );
}

function bandList(result) {
  const seen = new Map();
  for (const row of result.competencies)
    if (row.band && !seen.has(row.band.label)) seen.set(row.band.label, row.band.text);
  if (!seen.size)
    return el("p", { class: "sk-bands" }, "Ingen kompetens har tillräckligt många svar för att skattas än.");
  return el(
    "dl",
    { class: "sk-bands" },
    ...[...seen].flatMap(([label, text]) => [el("dt", {}, label), el("dd", {}, text)]),
  );
}

function rankedList(entries, root, emptyText) {
  if (!entries.length) return el("p", {}, emptyText);
  return el(
    "ol",
    { class: "sk-ranked" },
    ...entries.map((entry) => {
      const item = el(
        "li",
        { "data-competency": entry.slug },
        link(root, entry.title, entry.url),
        ` – ${scoreText(entry.score)}${entry.band ? ` (${entry.band})` : ""}`,
      );
      if (entry.articles?.length) {
        item.append(
          el("span", { class: "sk-read" }, " Läs vidare: "),
          el("ul", {}, ...entry.articles.map((article) => el("li", {}, link(root, article.title, article.url)))),
        );
      }
      return item;
    }),
  );
}

function roleSection(roleResult, root) {
  const gaps = [...roleResult.gaps];
  const rows = gaps.map((gap) =>
    el(
      "tr",
      { "data-role-competency": gap.slug },
      el("th", { scope: "row" }, gap.title),
      el("td", { class: "sk-num" }, String(gap.target)),
      el("td", { class: "sk-num" }, scoreText(gap.score)),
      el(
        "td",
        { class: "sk-num" },
        gap.gap === null ? "–" : gap.gap > 0 ? `${gap.gap} under` : gap.gap < 0 ? `${-gap.gap} över` : "på målet",
      ),
    ),
  );
  return [
    el("h3", {}, "Jämförelse med rollen ", link(root, roleResult.title, roleResult.url)),
    el("p", {}, "Kompetenserna där du ligger längst under rollens målnivå visas först."),
    el(
      "div",
      { class: "md-typeset__scrollwrap" },
      el(
        "div",
        { class: "md-typeset__table sk-table sk-role-table" },
        el(
          "table",
          {},
          el("caption", {}, `Rollens målnivåer jämförda med din skattning (${roleResult.title}).`),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", { scope: "col" }, "Kompetens"),
              el("th", { scope: "col" }, "Mål"),
              el("th", { scope: "col" }, "Din poäng"),
              el("th", { scope: "col" }, "Skillnad"),
            ),
          ),
          el("tbody", {}, ...rows),
        ),
      ),
    ),
  ];
}

function mindsetTable(result, root) {
  const rows = result.mindsets.map((mindset) =>
    el(
      "tr",
      { "data-mindset": mindset.slug, "data-score": mindset.score === null ? "" : String(mindset.score) },
      el("th", { scope: "row" }, link(root, mindset.title, mindset.url)),
      el("td", { class: "sk-num" }, mindset.score === null ? "ej skattat" : String(mindset.score)),
      el("td", {}, mindset.competencies.map((c) => c.title).join(", ")),
    ),
  );
  return el(
    "div",
    { class: "md-typeset__scrollwrap" },
    el(
      "div",
      { class: "md-typeset__table sk-table sk-mindset-table" },
      el(
        "table",
        {},
        el("caption", {}, "Tankesätt: medelvärdet av kompetenserna som bygger på dem."),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col" }, "Tankesätt"),
            el("th", { scope: "col" }, "Poäng"),
            el("th", { scope: "col" }, "Bygger på"),
          ),
        ),
        el("tbody", {}, ...rows),
      ),
    ),
  );
}

// A link to a page of this site, or plain text if `url` would leave it.
function link(root, text, url) {
  let href = null;
  try {
    const target = new URL(String(url), root);
    if (target.origin === root.origin) href = target.href;
  } catch {
    href = null;
  }
  return href ? el("a", { href }, text) : document.createTextNode(text);
}
