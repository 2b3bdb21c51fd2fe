// Follow the visitor's light/dark system setting with Material's own "slate" scheme.
// Nothing is stored: the setting is read from the browser each time.
const dark = window.matchMedia("(prefers-color-scheme: dark)");
const apply = () => {
  document.body.setAttribute("data-md-color-scheme", dark.matches ? "slate" : "default");
};
apply();
dark.addEventListener("change", apply);
