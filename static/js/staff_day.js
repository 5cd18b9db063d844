// The desk's day list: it works without this file (a reload shows the latest state; the print page has the
// browser's own print command).
(function () {
  "use strict";

  // The list refreshes itself (htmx, every few seconds): not while the tab is hidden, and not while someone works
  // inside it (a focused button, an open list of free times), so nothing moves under their hand.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var element = event.detail.elt;
    if (!element || !element.hasAttribute("data-staff-poll")) return;
    var active = document.activeElement;
    if (document.hidden || (active && active !== document.body && element.contains(active)) ||
        element.querySelector("details[open]")) {
      event.preventDefault();
    }
  });
  // Back to the tab: show the latest state at once rather than at the next tick.
  document.addEventListener("visibilitychange", function () {
    var table = document.querySelector("[data-staff-poll]");
    if (!document.hidden && table && window.htmx) window.htmx.trigger(table, "staff-refresh");
  });

  var print = document.querySelector("[data-staff-print]");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
