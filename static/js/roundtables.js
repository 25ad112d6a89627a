// Roundtables pages. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";

  // The search-as-you-type picker: htmx fills the results; the keyboard moves between the input and them.
  function options(picker) {
    return Array.prototype.slice.call(picker.querySelectorAll("[data-picker-option]"));
  }

  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest && event.target.closest("[data-picker]");
    if (!picker) { return; }
    var input = picker.querySelector("[data-picker-input]");
    var list = options(picker);
    var index = list.indexOf(event.target);
    if (event.target === input) {
      if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        list[0].focus();
      } else if (event.key === "Enter") {
        // Enter searches at once instead of sending the form without a choice.
        event.preventDefault();
        if (list.length === 1) { list[0].focus(); } else if (window.htmx) { window.htmx.trigger(input, "search"); }
      } else if (event.key === "Escape") {
        input.value = "";
        if (window.htmx) { window.htmx.trigger(input, "search"); }
      }
    } else if (index >= 0) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (index < list.length - 1) { list[index + 1].focus(); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (index > 0) { list[index - 1].focus(); } else { input.focus(); }
      } else if (event.key === "Escape" || event.key === "Home") {
        event.preventDefault();
        input.focus();
      }
    }
  });

  // A person who moved into the results while a later search was on its way keeps the focus when
  // those results are replaced: on the same choice if it is still listed, otherwise the first one.
  var focusedChoice = null;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var picker = event.target.closest && event.target.closest("[data-picker]");
    var active = document.activeElement;
    focusedChoice = picker && active && active.matches && active.matches("[data-picker-option]") &&
      event.target.contains(active) ? { picker: picker, value: active.value } : null;
  });

  // Say how many results came back, in a live region that stays on the page.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var picker = event.target.closest && event.target.closest("[data-picker]");
    if (!picker) { return; }
    if (focusedChoice && focusedChoice.picker === picker) {
      var list = options(picker);
      var same = list.filter(function (option) { return option.value === focusedChoice.value; })[0];
      if (same || list[0]) { (same || list[0]).focus(); }
      focusedChoice = null;
    }
    var status = picker.querySelector("[data-picker-status]");
    var counted = event.target.querySelector("[data-count-text]");
    if (status) { status.textContent = counted ? counted.getAttribute("data-count-text") : ""; }
  });

  // Put the focus on the summary of errors after a refused form, so it is read first.
  var errors = document.getElementById("form-errors");
  if (errors) {
    errors.focus();
    // A link to a field in a hidden language tab shows that tab first.
    errors.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      var pane = field && field.closest(".tab-pane");
      if (pane && !pane.classList.contains("active") && window.bootstrap) {
        var tab = document.querySelector("[data-bs-target='#" + pane.id + "']");
        if (tab) { window.bootstrap.Tab.getOrCreateInstance(tab).show(); }
      }
    });
  }

  // "Print" buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
