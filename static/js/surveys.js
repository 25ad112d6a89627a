// Surveys: questions shown only for some answers, the audience picker, confirmations.
// No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";

  // Ask before an action that cannot be undone (submitting answers, deleting a question).
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // A question with data-show-if is shown only while the earlier question (itself shown) has
  // the answer data-show-value. Questions come in survey order, so one pass is enough.
  function answerOf(block) {
    var inputs = block.querySelectorAll("input, textarea, select");
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
      if (input.value) { values.push(input.value); }
    });
    return values;
  }

  function updateConditions(form) {
    var shown = {};
    form.querySelectorAll("[data-question]").forEach(function (block) {
      var source = block.dataset.showIf;
      var visible = true;
      if (source) {
        var sourceBlock = form.querySelector('[data-question="' + source + '"]');
        visible = Boolean(shown[source] && sourceBlock && answerOf(sourceBlock).indexOf(block.dataset.showValue) !== -1);
      }
      block.hidden = !visible;
      shown[block.dataset.question] = visible;
    });
  }

  document.querySelectorAll(".survey-form").forEach(function (form) {
    updateConditions(form);
    form.addEventListener("change", function () { updateConditions(form); });
  });

  // The invitation page: show the session or the hand-picked lists only for those audiences.
  var audience = document.querySelectorAll('input[name="audience"]');
  function updateAudience() {
    var chosen = document.querySelector('input[name="audience"]:checked');
    document.querySelectorAll(".audience-detail").forEach(function (detail) {
      detail.hidden = !chosen || detail.dataset.audience !== chosen.value;
    });
  }
  if (audience.length) {
    audience.forEach(function (radio) { radio.addEventListener("change", updateAudience); });
    updateAudience();
  }
})();
