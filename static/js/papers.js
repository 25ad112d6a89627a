// Background papers: small helps on top of server-rendered forms (which work without JavaScript).
(function () {
  "use strict";
  var gettext = window.gettext || function (text) { return text; };

  function formatBytes(bytes) {
    var mb = bytes / (1024 * 1024);
    return mb >= 1 ? mb.toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  // Say at once that a file is too large or empty; the server checks again (and checks the content).
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () {
      var limit = parseInt(input.dataset.maxBytes, 10);
      var file = input.files && input.files[0];
      var message = "";
      if (file && file.size === 0) {
        message = gettext("The file is empty.");
      } else if (file && limit && file.size > limit) {
        message = gettext("The file is %(size)s; the largest file accepted is %(limit)s.")
          .replace("%(size)s", formatBytes(file.size)).replace("%(limit)s", formatBytes(limit));
      }
      input.setCustomValidity(message);
      var feedback = input.parentElement.querySelector(".papers-client-feedback");
      if (!feedback) {
        feedback = document.createElement("div");
        feedback.className = "invalid-feedback papers-client-feedback";
        feedback.id = input.id + "-client-feedback";
        feedback.setAttribute("role", "alert");
        input.insertAdjacentElement("afterend", feedback);
      }
      feedback.textContent = message;
      feedback.classList.toggle("d-block", Boolean(message));
      input.classList.toggle("is-invalid", Boolean(message));
      if (message) { input.setAttribute("aria-describedby", feedback.id); }
    });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        if (input.validationMessage) { event.preventDefault(); input.focus(); }
      });
    }
  });

  // Ask before the buttons that cannot be undone (reject, withdraw).
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
    });
  });

  // A paper written in French or Spanish needs its title in that language: show those fields.
  var language = document.querySelector("select[name=language]");
  var details = document.querySelector("[data-language-details]");
  if (language && details) {
    language.addEventListener("change", function () {
      if (language.value !== "en") { details.open = true; }
    });
  }
})();
