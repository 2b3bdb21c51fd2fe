// Säljkompetens: build DOM nodes from data. Text is always inserted as text (never HTML).

/** An element with attributes (empty ones left out, but `data-*` kept) and children. */
export function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if ((value !== null && value !== undefined && value !== "") || key.startsWith("data-"))
      node.setAttribute(key, String(value ?? ""));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A link to a page of this site, or plain text if `url` is empty or would leave it. */
export function siteLink(root, text, url) {
  if (!url) return document.createTextNode(text);
  let href = null;
  try {
    const target = new URL(String(url), root);
    if (target.origin === root.origin) href = target.href;
  } catch {
    href = null;
  }
  return href ? el("a", { href }, text) : document.createTextNode(text);
}

/** Whether a result speaks to the person who answered (else of them, to another reader). */
export function own(result) {
  return result.voice !== "other";
}
