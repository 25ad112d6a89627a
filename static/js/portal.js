// Behaviour shared by every page. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";
  // Language switcher: submit on change; the button stays for people without JavaScript.
  document.querySelectorAll("[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll(".js-hide").forEach(function (el) { el.classList.add("d-none"); });
  // htmx sends the CSRF token with every request it makes.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
})();
