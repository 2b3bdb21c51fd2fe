// Säljkompetens: the result's profile chart, an SVG built with DOM APIs only.

import { el } from "./dom.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function profileChart(result) {
  const rows = result.competencies;
  const targets = new Map((result.role ? result.role.gaps : []).map((g) => [g.slug, g.target]));
  const labelWidth = 230;
  const barWidth = 400;
  const rowHeight = 28;
  const top = 24;
  const width = labelWidth + barWidth + 60;
  const height = top + rows.length * rowHeight + 8;
  const x = (value) => labelWidth + (barWidth * value) / 100;

  const svg = svgEl("svg", {
    class: "sk-chart",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": "sk-chart-title sk-chart-desc",
    preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(
    svgEl("title", { id: "sk-chart-title" }, "Kompetensprofil, 0–100 per kompetens"),
    svgEl(
      "desc",
      { id: "sk-chart-desc" },
      `Stapeldiagram med ${rows.length} kompetenser. Samma värden finns i tabellen under diagrammet.`,
    ),
  );
  const grid = svgEl("g", { class: "sk-chart-grid", "aria-hidden": "true" });
  for (let value = 0; value <= 100; value += 20) {
    grid.append(
      svgEl("line", { x1: x(value), x2: x(value), y1: top - 6, y2: height - 8 }),
      svgEl("text", { x: x(value), y: top - 10, "text-anchor": "middle" }, String(value)),
    );
  }
  svg.append(grid);
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const label =
      row.score === null
        ? `${row.title}: ej skattad (${row.answered} av ${row.items} besvarade)`
        : `${row.title}: ${row.score} av 100${row.band ? `, ${row.band.label}` : ""}`;
    const group = svgEl("g", { class: row.score === null ? "sk-bar sk-bar-unscored" : "sk-bar", "aria-label": label });
    group.append(svgEl("title", {}, label));
    group.append(
      svgEl(
        "text",
        { class: "sk-bar-label", x: labelWidth - 8, y: y + rowHeight / 2 + 5, "text-anchor": "end" },
        truncate(row.title, 30),
      ),
    );
    if (row.score === null) {
      group.append(
        svgEl("rect", { class: "sk-bar-empty", x: x(0), y: y + 5, width: barWidth, height: rowHeight - 10, rx: 2 }),
      );
      group.append(svgEl("text", { class: "sk-bar-value", x: x(0) + 8, y: y + rowHeight / 2 + 5 }, "ej skattad"));
    } else {
      group.append(
        svgEl("rect", {
          class: "sk-bar-fill",
          x: x(0),
          y: y + 5,
          width: Math.max((barWidth * row.score) / 100, 1),
          height: rowHeight - 10,
          rx: 2,
        }),
      );
      group.append(
        svgEl("text", { class: "sk-bar-value", x: x(row.score) + 6, y: y + rowHeight / 2 + 5 }, String(row.score)),
      );
    }
    if (targets.has(row.slug)) {
      const tx = x(targets.get(row.slug));
      group.append(svgEl("line", { class: "sk-bar-target", x1: tx, x2: tx, y1: y + 2, y2: y + rowHeight - 2 }));
    }
    svg.append(group);
  });
  const figure = el("figure", { class: "sk-chart-figure" }, svg);
  if (targets.size) {
    figure.append(el("figcaption", {}, `Den lodräta linjen visar målnivån för rollen ${result.role.title}.`));
  }
  return figure;
}

function svgEl(name, attributes = {}, text = null) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function truncate(text, limit) {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
