// Säljkompetens: the share link's fragment, "#svar=<base64url>&roll=<slug>".
// One character per statement in the form's order: the answer's digit, "0" for unanswered,
// "x" for "Ej aktuellt i min roll". The answers stay after "#", which the browser never
// sends to a server. Pure: no DOM.

const NOT_APPLICABLE_CODE = "x";

const MAX_FRAGMENT = 4096;

/** Whether a location hash carries shared answers (not an ordinary anchor). */
export function isShareFragment(hash) {
  return /(^|&)svar=/.test(String(hash).replace(/^#/, ""));
}

/** The fragment (without "#") for a state. */
export function encodeShare(state, model) {
  const code = (value) => (Number.isInteger(value) ? String(value) : value ? NOT_APPLICABLE_CODE : "0");
  const digits = model.itemIds.map((id) => code(state.answers.get(id))).join("");
  const params = new URLSearchParams();
  params.set("svar", base64urlEncode(digits));
  if (state.role) params.set("roll", state.role);
  return params.toString();
}

/**
 * The answers object a share fragment carries (to be checked with validateAnswers), or
 * null for an ordinary anchor. Throws an Error with a Swedish message when it is broken.
 */
export function decodeShare(hash, model) {
  const fragment = String(hash).replace(/^#/, "");
  if (!isShareFragment(fragment)) return null;
  if (fragment.length > MAX_FRAGMENT) throw new Error("Delningslänken är för lång.");
  const params = new URLSearchParams(fragment);
  let digits;
  try {
    digits = base64urlDecode(params.get("svar") || "");
  } catch {
    throw new Error("Delningslänken är trasig: svaren i den kunde inte avkodas.");
  }
  const total = model.itemIds.length;
  if (digits.length !== total) {
    throw new Error(
      `Delningslänken är trasig: den innehåller ${digits.length} svar men det finns ${total} påståenden.`,
    );
  }
  const answers = {};
  for (let i = 0; i < total; i += 1) {
    if (digits[i] === NOT_APPLICABLE_CODE) {
      answers[model.itemIds[i]] = model.formats.not_applicable;
      continue;
    }
    const code = digits.charCodeAt(i) - 48;
    if (code === 0) continue;
    if (!(code >= model.scaleMin && code <= model.scaleMax)) {
      throw new Error("Delningslänken är trasig: den innehåller ogiltiga svar.");
    }
    answers[model.itemIds[i]] = code;
  }
  return { format: model.formats.answers, version: model.formats.version, answers, role: params.get("roll") || null };
}

function base64urlEncode(ascii) {
  return btoa(ascii).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("ogiltiga tecken");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  return atob(padded);
}
