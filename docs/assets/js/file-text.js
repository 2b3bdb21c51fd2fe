// Säljkompetens: a chosen file's bytes as text, by the one rule that `python -m scoring_py`
// follows too (scoring_py.formats.decode_file): UTF-8 with or without a BOM, and UTF-16 LE or
// BE with a BOM, are read (the BOM dropped); anything else (invalid UTF-8, UTF-16 without a
// BOM, UTF-32, a NUL character) is refused with one Swedish message. Both run the vectors in
// tests/fixtures/encodings/vectors.json. Pure: no DOM.

export const ENCODING_REFUSED =
  "Filen kan inte läsas som text: den ska vara sparad som UTF-8 (med eller utan BOM) eller som UTF-16 med BOM.";

// UTF-32 LE first: its BOM starts with UTF-16 LE's.
const BOMS = [
  [[0xff, 0xfe, 0x00, 0x00], null],
  [[0x00, 0x00, 0xfe, 0xff], null],
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/** The text of `bytes` (a Uint8Array); throws an Error with ENCODING_REFUSED otherwise. */
export function decodeFile(bytes) {
  let encoding = "utf-8";
  let start = 0;
  for (const [bom, named] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) {
      encoding = named;
      start = bom.length;
      break;
    }
  }
  if (!encoding) throw new Error(ENCODING_REFUSED);
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new Error(ENCODING_REFUSED);
  }
  if (text.includes("\0")) throw new Error(ENCODING_REFUSED);
  return text;
}

/** A File's (or Blob's) text by the same rule. */
export async function readFileText(file) {
  return decodeFile(new Uint8Array(await file.arrayBuffer()));
}
