// Registration form: sessions that run at the same time as one already ticked are greyed out, with
// the reason read out beside them. The server refuses overlapping choices all the same; this only
// spares a person from choosing what cannot be kept. No inline script: the CSP forbids it.
(function () {
  "use strict";

  var gettext = window.gettext || function (s) { return s; };
  var interpolate = window.interpolate || function (fmt, args) { return fmt.replace("%s", args[0]); };

  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=sessions][data-starts][data-ends]"));
  if (!boxes.length) { return; }

  // Times come from the server as ISO 8601 with their offset, so a session spanning days (the Civil
  // Society Days) compares by its real start and end, not by the hours printed beside it.
  var sessions = boxes.map(function (box) {
    return {
      box: box,
      code: box.getAttribute("data-session-code"),
      start: Date.parse(box.getAttribute("data-starts")),
      end: Date.parse(box.getAttribute("data-ends")),
      // Full sessions were disabled by the server: they stay disabled whatever is ticked.
      full: box.hasAttribute("data-full"),
      clash: document.getElementById(box.id + "-clash"),
      option: box.closest(".session-option")
    };
  });

  function overlaps(a, b) {
    return a.start < b.end && b.start < a.end;
  }

  function update() {
    var chosen = sessions.filter(function (s) { return s.box.checked; });
    sessions.forEach(function (s) {
      // A ticked box is never disabled, so a person can always untick one of two clashing choices.
      var against = s.box.checked ? [] : chosen.filter(function (c) { return c !== s && overlaps(c, s); });
      var clashes = against.length > 0;
      s.box.disabled = s.full || clashes;
      if (s.option) { s.option.classList.toggle("is-clashing", clashes); }
      if (s.clash) {
        s.clash.textContent = clashes
          ? interpolate(gettext("Runs at the same time as %s"), [against.map(function (c) { return c.code; }).join(", ")])
          : "";
        s.clash.hidden = !clashes;
      }
    });
  }

  // One listener on the form: it also hears the role change that unticks heads-only sessions.
  var form = boxes[0].form;
  (form || document).addEventListener("change", update);
  update();
})();
