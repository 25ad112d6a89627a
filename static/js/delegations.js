// Registration form and delegation page behaviour. No inline script: the Content-Security-Policy forbids it.
(function () {
  "use strict";

  // Heads-of-delegation-only sessions are offered only while "Head of delegation" is the chosen
  // role. The server refuses them to anyone else all the same.
  var headsOnly = document.querySelectorAll("[data-heads-only]");
  var roles = document.querySelectorAll("input[name=role]");
  function showHeadsOnly() {
    var chosen = document.querySelector("input[name=role]:checked");
    var head = chosen !== null && chosen.value === "head";
    headsOnly.forEach(function (group) {
      group.hidden = !head;
      if (!head) {
        group.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      }
    });
  }
  if (headsOnly.length && roles.length) {
    roles.forEach(function (radio) { radio.addEventListener("change", showHeadsOnly); });
    showHeadsOnly();
  }

  // The registration form's delegation: typed, htmx brings the matches as radio buttons. The keyboard
  // goes down from the name to the matches (then the arrows choose, as in any group of radio buttons)
  // and back up with Escape; choosing one writes its name in the field; a live region counts them.
  document.querySelectorAll("[data-delegation-picker]").forEach(function (picker) {
    var input = picker.querySelector("[data-delegation-input]");
    var status = picker.querySelector("[data-delegation-status]");
    function options() {
      return Array.prototype.slice.call(picker.querySelectorAll("[data-delegation-option]"));
    }
    function choose(option) {
      option.checked = true;
      option.focus();
      input.value = option.getAttribute("data-delegation-label");
    }
    input.addEventListener("keydown", function (event) {
      var list = options();
      if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        (list.filter(function (option) { return option.checked; })[0] || list[0]).focus();
      } else if (event.key === "Enter") {
        // Enter looks the name up (or takes the only match) instead of sending the whole form.
        event.preventDefault();
        if (list.length === 1) { choose(list[0]); } else if (window.htmx) { window.htmx.trigger(input, "search"); }
      }
    });
    picker.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && event.target.matches("[data-delegation-option]")) {
        event.preventDefault();
        input.focus();
      }
    });
    picker.addEventListener("change", function (event) {
      if (event.target.matches("[data-delegation-option]") && event.target.checked) {
        input.value = event.target.getAttribute("data-delegation-label");
      }
    });
    picker.addEventListener("htmx:afterSwap", function () {
      var counted = picker.querySelector("#delegation-matches [data-count-text]");
      if (status) { status.textContent = counted ? counted.getAttribute("data-count-text") : ""; }
    });
  });

  // "Select all" for bulk approval.
  document.querySelectorAll("[data-select-all]").forEach(function (master) {
    var name = master.getAttribute("data-select-all");
    var boxes = master.form.querySelectorAll("input[type=checkbox][name='" + name + "']");
    master.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = master.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
        master.checked = ticked === boxes.length;
        master.indeterminate = ticked > 0 && ticked < boxes.length;
      });
    });
  });
})();
