// Keeps the reader's ticks on a guide's document checklist in this browser only (localStorage); nothing is sent.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var lists = document.querySelectorAll("[data-checklist]");
    Array.prototype.forEach.call(lists, function (list) {
      var key = "checklist:" + list.getAttribute("data-checklist") + ":" + document.documentElement.lang;
      var saved = {};
      try { saved = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (error) { saved = {}; }
      Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
        box.checked = Boolean(saved[box.name]);
        box.addEventListener("change", function () {
          saved[box.name] = box.checked;
          try { window.localStorage.setItem(key, JSON.stringify(saved)); } catch (error) { /* private mode: ticks stay for this visit */ }
        });
      });
    });
  });
})();

// Glossary explanations open on hover and focus (CSS); Escape closes the open one (WCAG 1.4.13, dismissible).
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  Array.prototype.forEach.call(document.querySelectorAll(".term:hover, .term:focus-within"), function (term) {
    term.classList.add("term-tip-dismissed");
  });
});
document.addEventListener("focusout", function (event) {
  var term = event.target.closest && event.target.closest(".term");
  if (term) { term.classList.remove("term-tip-dismissed"); }
});
document.addEventListener("mouseout", function (event) {
  var term = event.target.closest && event.target.closest(".term");
  if (term && !term.contains(event.relatedTarget)) { term.classList.remove("term-tip-dismissed"); }
});
