// Säljkompetens: a page that has moved. The stub page at the old address loads this script
// (the CSP allows no inline script) with the new address in `data-to`, relative to the stub,
// and it goes on there with the fragment kept: a share link carries its answers in it. The
// stub also links there for a browser without JavaScript.

const to = document.currentScript?.dataset.to;
if (to) location.replace(new URL(to, location.href).href + location.hash);
