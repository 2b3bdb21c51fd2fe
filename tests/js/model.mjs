// A small answers model (what readModel() would read from a form) for the unit tests.
import { readFileSync } from "node:fs";

/** What the page gets in `data-formats`: scoring_py.formats.page_formats(), kept in a fixture
 * that tests/test_format_vectors.py holds equal to it. */
export const formats = JSON.parse(readFileSync(new URL("../fixtures/answers/formats.json", import.meta.url), "utf8"));

export const model = {
  itemIds: ["a-1", "a-2", "b-1", "b-2"],
  roleSlugs: new Set(["saljare"]),
  scaleMin: 1,
  scaleMax: 5,
  formats: {
    ...formats,
    // scoring_py.formats.share_key: sha256 of "1-5\na-1\na-2\nb-1\nb-2", first 12 hex digits
    // (worked out with coreutils: printf '1-5\na-1\na-2\nb-1\nb-2' | sha256sum)
    share_key: "e4cbb64d8199",
  },
};

export const answersObject = (answers, role = null) => ({
  format: "saljkompetens-svar",
  version: 1,
  answers,
  role,
});
