// The closing plenary's presentation: one section per screen, keyboard and button navigation.
// Without JavaScript every section simply follows the other.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll("[data-slide]"));
  if (!slides.length) { return; }
  var counter = document.querySelector("[data-slide-counter]");
  // The language switch's links: each names the slide shown, so switching keeps the place.
  var languageLinks = Array.prototype.slice.call(document.querySelectorAll("[data-language-link]"));
  var current = 0;
  var fromHash = slides.findIndex(function (s) { return s.id && "#" + s.id === window.location.hash; });
  if (fromHash > 0) { current = fromHash; }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    counter.textContent = (current + 1) + " / " + slides.length;
    var heading = slides[current].querySelector("h1, h2");
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
    var hash = slides[current].id ? "#" + slides[current].id : "";
    // The query (?language=) stays: it chose the text's language.
    window.history.replaceState(null, "", window.location.pathname + window.location.search + hash);
    languageLinks.forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
    });
  }

  document.body.classList.add("presentation-js");
  document.querySelector("[data-slide-next]").addEventListener("click", function () { show(current + 1); });
  document.querySelector("[data-slide-prev]").addEventListener("click", function () { show(current - 1); });
  document.querySelector("[data-fullscreen]").addEventListener("click", toggleFullscreen);

  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "button" && (event.key === " " || event.key === "Enter")) { return; }
    switch (event.key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": case " ": show(current + 1); break;
      case "ArrowLeft": case "ArrowUp": case "PageUp": case "Backspace": show(current - 1); break;
      case "Home": show(0); break;
      case "End": show(slides.length - 1); break;
      case "f": case "F": toggleFullscreen(); break;
      default: return;
    }
    event.preventDefault();
  });
  show(current);
})();
