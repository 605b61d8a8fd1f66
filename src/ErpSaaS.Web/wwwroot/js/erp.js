// Small behaviours of the shell; pages stay server-rendered (htmx for partial updates).
(function () {
  "use strict";

  // Light/dark: remembered in the same place tabler-theme.js reads it on every page load.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-erp-theme]");
    if (!toggle) return;
    event.preventDefault();
    var theme = toggle.getAttribute("data-erp-theme");
    try { localStorage.setItem("tabler-theme", theme); } catch (e) { /* private mode: this page only */ }
    document.documentElement.setAttribute("data-bs-theme", theme);
  });

  // htmx requests that change something carry the antiforgery token the layout renders.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="request-verification-token"]');
    if (token) event.detail.headers["RequestVerificationToken"] = token.getAttribute("content");
  });
})();
