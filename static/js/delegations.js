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
