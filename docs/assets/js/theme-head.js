// Säljkompetens: what Material's inline <head> script does, as a file, so that the CSP
// allows no inline script at all. Loaded in <head> (overrides/partials/javascripts/base.html),
// before anything is painted:
// - Material's storage helpers (__md_scope, __md_hash, __md_get, __md_set), as the theme
//   writes them, with the scope from `data-scope` (the page's base URL);
// - the visitor's light/dark system setting as Material's "slate" scheme, applied the moment
//   <body> exists (so a dark page is never painted light first) and whenever it changes.
//   Nothing is stored: the setting is read from the browser each time.

(() => {
  const script = document.currentScript;
  globalThis.__md_scope = new URL(script.dataset.scope, location);
  globalThis.__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
  globalThis.__md_get = (e, _ = localStorage, t = globalThis.__md_scope) => JSON.parse(_.getItem(`${t.pathname}.${e}`));
  globalThis.__md_set = (e, _, t = localStorage, a = globalThis.__md_scope) => {
    try {
      t.setItem(`${a.pathname}.${e}`, JSON.stringify(_));
    } catch {
      /* storage full or blocked: Material goes on without it */
    }
  };

  // An address that opens the report (a share link's #svar=…, or #resultat): the form is
  // hidden before the first paint instead of being painted and then swapped for the report.
  // assessment.js removes the mark once it has decided what to show.
  if (/^#(svar=|resultat$)|[#&]svar=/.test(location.hash)) {
    document.documentElement.classList.add("sk-report-requested");
  }

  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => document.body?.setAttribute("data-md-color-scheme", dark.matches ? "slate" : "default");
  if (document.body) apply();
  else {
    // Mutation observers run before the next paint: the body gets its scheme before it shows.
    const watch = new MutationObserver(() => {
      if (!document.body) return;
      watch.disconnect();
      apply();
    });
    watch.observe(document.documentElement, { childList: true });
  }
  dark.addEventListener("change", apply);
})();
