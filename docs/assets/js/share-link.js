// Säljkompetens: the share link's fragment, "#svar=<base64url>&v=<key>&roll=<slug>"
// (scoring_py.formats.share_key owns the format). One character per statement in the order
// of the sorted statement ids, so the form's order may change: the answer's digit, "0" for
// unanswered, formats.share_not_applicable ("x") for "Ej aktuellt i min roll". `v` names the statements and scale the
// answers are for (the page gets it as formats.share_key); a link for others is refused,
// never read onto the wrong statements. The answers stay after "#", which the browser never
// sends to a server. Pure: no DOM.

/** Whether a location hash carries shared answers (not an ordinary anchor). */
export function isShareFragment(hash) {
  return /(^|&)svar=/.test(String(hash).replace(/^#/, ""));
}

/** The statement ids in the link's order: sorted (ids are ASCII, so every sort agrees). */
function linkOrder(model) {
  return [...model.itemIds].sort();
}

/** The fragment (without "#") for a state. */
export function encodeShare(state, model) {
  const skipped = model.formats.share_not_applicable;
  const code = (value) => (Number.isInteger(value) ? String(value) : value ? skipped : "0");
  const digits = linkOrder(model)
    .map((id) => code(state.answers.get(id)))
    .join("");
  const params = new URLSearchParams();
  params.set("svar", base64urlEncode(digits));
  params.set("v", model.formats.share_key);
  if (state.role) params.set("roll", state.role);
  return params.toString();
}

/**
 * The answers object a share fragment carries (to be checked with validateAnswers), or
 * null for an ordinary anchor. On a self-test's page they are answers to that self-test:
 * `v` already says the link was made for its statements. Throws an Error with a Swedish message when it is broken or
 * was made for other statements.
 */
export function decodeShare(hash, model) {
  const fragment = String(hash).replace(/^#/, "");
  if (!isShareFragment(fragment)) return null;
  if (fragment.length > model.formats.share_max_length) throw new Error("Delningslänken är för lång.");
  const params = new URLSearchParams(fragment);
  const key = params.get("v");
  if (key === null) {
    throw new Error(
      "Delningslänken är gjord med en äldre version av webbplatsen, som inte sa vilka påståenden " +
        "svaren gällde, så de kan inte läsas in säkert. Be den som delade länken om en ny länk eller en exportfil.",
    );
  }
  if (key !== model.formats.share_key) {
    throw new Error(
      "Delningslänken gjordes för andra påståenden än dagens (självskattningen har ändrats sedan dess), " +
        "så svaren kan inte läsas in utan att hamna på fel påstående. Be den som delade länken om en ny " +
        "länk eller en exportfil.",
    );
  }
  let digits;
  try {
    digits = base64urlDecode(params.get("svar") || "");
  } catch {
    throw new Error("Delningslänken är trasig: svaren i den kunde inte avkodas.");
  }
  const order = linkOrder(model);
  if (digits.length !== order.length) {
    throw new Error(
      `Delningslänken är trasig: den innehåller ${digits.length} svar men det finns ${order.length} påståenden.`,
    );
  }
  const answers = {};
  for (let i = 0; i < order.length; i += 1) {
    if (digits[i] === model.formats.share_not_applicable) {
      answers[order[i]] = model.formats.not_applicable;
      continue;
    }
    const code = digits.charCodeAt(i) - 48;
    if (code === 0) continue;
    if (!(code >= model.scaleMin && code <= model.scaleMax)) {
      throw new Error("Delningslänken är trasig: den innehåller ogiltiga svar.");
    }
    answers[order[i]] = code;
  }
  const data = {
    format: model.formats.answers,
    version: model.formats.version,
    answers,
    role: params.get("roll") || null,
  };
  return model.selftest ? { ...data, selftest: model.selftest } : data;
}

function base64urlEncode(ascii) {
  return btoa(ascii).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("ogiltiga tecken");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  return atob(padded);
}
