// Säljkompetens: what to work on: each development area with what a high level looks like,
// the visitor's own answers that pulled it down, ways to practise, the mindsets its text
// links to it and what to read next; and the strengths.

import { el, own, siteLink } from "./dom.js";
import { signed } from "./numbers.js";
import { reflectNodes } from "./result-claims.js";

const RELATION = {
  builds: "Kompetensen bygger på tankesättet",
  balances: "Kompetensen är en motvikt till tankesättet",
  contrasts: "Texten ställer kompetensen mot tankesättet",
};

export function developmentNodes(result, root) {
  const mine = own(result);
  const heading = el(
    "h3",
    { id: "sk-utveckla" },
    result.development_basis === "role" ? "Att utveckla för rollen" : "Att utveckla",
  );
  if (!result.development.length) {
    const withheld = result.claims?.withheld?.length;
    const tooFew = result.development_basis !== "role" && !result.claims?.comparisons;
    const none = tooFew
      ? "För få kompetenser har ett värde för att jämföra dem med varandra. Svara på fler påståenden."
      : withheld
        ? `Inga utvecklingsområden pekas ut, eftersom ${mine ? "dina svar" : "svaren"} följer ett mönster (se anteckningarna ovan).`
        : result.development_basis === "role"
          ? `${mine ? "Du ligger" : "Svaren ligger"} inte tydligt under rollens mål i någon kompetens: skillnaderna mot målen ryms inom mätningens felmarginal.`
          : "Ingen kompetens ligger tydligt under de andra: skillnaderna ryms inom det som mätningen kan skilja från slumpen.";
    return [heading, el("p", {}, none), ...reflectNodes(result, root)];
  }
  return [heading, ...result.development.map((area) => focusArea(area, root, mine))];
}

function focusArea(area, root, mine) {
  const parts = [
    el("h4", {}, siteLink(root, area.title, area.url), ` – ${area.score} (${area.low}–${area.high})`),
    el("p", { class: "sk-claim" }, claimText(area, mine)),
    el("p", {}, area.band.text),
  ];
  if (area.target !== null) parts.push(el("p", { class: "sk-why" }, `Rollens mål är ${area.target}: ${area.why}`));
  if (area.high_level) parts.push(el("p", {}, el("strong", {}, "Så ser en hög nivå ut: "), area.high_level));
  if (area.pulled_down.length) {
    parts.push(
      el("p", { class: "sk-sub" }, mine ? "Dina svar som drog ned värdet:" : "Svaren som drog ned värdet:"),
      el(
        "ul",
        {},
        ...area.pulled_down.map((a) =>
          el("li", {}, `”${a.text}” – ${mine ? "du svarade" : "svaret"} ${a.label.toLowerCase()}.`),
        ),
      ),
    );
  }
  if (area.practice.length) {
    parts.push(
      el("p", { class: "sk-sub" }, mine ? "Så kan du öva:" : "Så kan man öva:"),
      el("ul", {}, ...area.practice.map((p) => el("li", {}, p))),
    );
  }
  if (area.mindsets.length) {
    parts.push(
      el("p", { class: "sk-sub sk-screen" }, "Tankesätt under ytan:"),
      el("ul", { class: "sk-screen" }, ...bySentence(area.mindsets).map((group) => mindsetItem(group, root))),
    );
  }
  const reading = [
    siteLink(root, `Om ${area.title.toLowerCase()}`, area.url),
    ...area.articles.map((a) => siteLink(root, a.title, a.url)),
  ];
  parts.push(
    el("p", { class: "sk-sub sk-screen" }, "Läs vidare:"),
    el("ul", { class: "sk-screen" }, ...reading.map((link) => el("li", {}, link))),
  );
  return el("section", { class: "sk-focus", "data-focus": "development", "data-competency": area.slug }, ...parts);
}

/** Why an area is named: how far from one's own median, or from the role's target. */
function claimText(area, mine) {
  if (area.target !== null && area.target !== undefined) {
    return `${area.target - area.score} poäng under rollens mål ${area.target}, som ligger över värdets intervall för rollen (${area.role_low}–${area.role_high}).`;
  }
  return `${signed(area.difference)} poäng mot medianen av ${mine ? "dina" : "de"} andra kompetenser${mine ? "" : "na"} (${area.reference}); gränsen för en tydlig skillnad är ${area.threshold}.`;
}

/** Mindsets that one sentence of the text names together, with their relation, as one group:
 * the sentence is quoted once. */
function bySentence(mindsets) {
  const groups = new Map();
  for (const mindset of mindsets) {
    const key = `${mindset.relation}\u0000${mindset.sentence}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(mindset);
  }
  return [...groups.values()];
}

function mindsetItem(group, root) {
  const links = group.flatMap((m, i) => [
    i === 0 ? "" : i === group.length - 1 ? " och " : ", ",
    siteLink(root, m.title, m.url),
  ]);
  const relation = RELATION[group[0].relation] ?? RELATION.builds;
  const plural = group.length > 1 ? relation.replace("tankesättet", "tankesätten") : relation;
  return el("li", {}, ...links, ` – ${plural}: ”${group[0].sentence}”`);
}

export function strengthNodes(result, root) {
  const mine = own(result);
  const heading = el("h3", {}, mine ? "Dina styrkor" : "Styrkor");
  if (!result.strengths.length) {
    const none = !result.claims?.comparisons
      ? "För få kompetenser har ett värde för att jämföra dem med varandra."
      : result.claims?.withheld?.length
        ? `Inga styrkor pekas ut, eftersom ${mine ? "dina svar" : "svaren"} följer ett mönster (se anteckningarna ovan).`
        : `Ingen kompetens ligger tydligt över de andra enligt ${mine ? "din skattning" : "skattningen"}.`;
    return [heading, el("p", {}, none)];
  }
  return [
    heading,
    el(
      "ul",
      { class: "sk-strengths" },
      ...result.strengths.map((s) =>
        el(
          "li",
          { "data-focus": "strength", "data-competency": s.slug },
          siteLink(root, s.title, s.url),
          ` – ${s.score} (${s.low}–${s.high}), ${signed(s.difference)} poäng mot medianen av ${mine ? "dina" : "de"} andra (gräns ${s.threshold})`,
        ),
      ),
    ),
  ];
}
