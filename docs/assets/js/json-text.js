// Säljkompetens: JSON text read as scoring_py.json_text reads it. JSON.parse, and then what
// JSON.parse lets through but scoring_py refuses: nesting deeper than formats.json_max_depth,
// one key twice in an object, and an integer of more digits than Python converts. Pure.

/** The integer literal Python's int() refuses above this many digits (sys.int_max_str_digits). */
const MAX_INTEGER_DIGITS = 4300;

/** The value of JSON `text`; throws an Error whose Swedish message starts with `what`. */
export function parseJsonText(text, formats, what) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${what} är inte giltig JSON.`);
  }
  const problem = refusedShape(text, formats.json_max_depth);
  if (problem) throw new Error(`${what} ${problem}`);
  return data;
}

/** Why valid JSON `text` is refused anyway, or null. One pass: strings are skipped, each
 * object's keys are compared as JSON.parse decodes them. */
function refusedShape(text, maxDepth) {
  const open = []; // per open bracket: the keys seen so far (an object) or null (a list)
  let key = false; // whether the next string is a key
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (key) {
        const name = JSON.parse(text.slice(i, end + 1));
        if (open.at(-1).has(name))
          return `är inte giltig JSON: nyckeln "${name}" förekommer flera gånger i samma objekt.`;
        open.at(-1).add(name);
        key = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      open.push(c === "{" ? new Set() : null);
      if (open.length > maxDepth)
        return `är för djupt nästlade: högst ${maxDepth} nivåer av objekt och listor tillåts.`;
      key = c === "{";
    } else if (c === "}" || c === "]") {
      open.pop();
      key = false;
    } else if (c === ",") {
      key = open.at(-1) instanceof Set;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      let end = i + 1;
      while (end < text.length && "0123456789.eE+-".includes(text[end])) end++;
      const number = text.slice(i, end);
      if (!/[.eE]/.test(number) && number.replace("-", "").length > MAX_INTEGER_DIGITS) {
        return "är inte giltig JSON: innehåller ett tal som är för stort.";
      }
      i = end - 1;
    }
  }
  return null;
}
