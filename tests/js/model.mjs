// A small answers model (what readModel() would read from a form) for the unit tests.
export const model = {
  itemIds: ["a-1", "a-2", "b-1", "b-2"],
  roleSlugs: new Set(["saljare"]),
  scaleMin: 1,
  scaleMax: 5,
  formats: { answers: "saljkompetens-svar", export: "saljkompetens-export", version: 1, not_applicable: "ej-aktuellt" },
};

export const answersObject = (answers, role = null) => ({
  format: "saljkompetens-svar",
  version: 1,
  answers,
  role,
});
