// Urgent-notice banners: a reader may hide one; the choice is kept in this browser only (localStorage), per notice.
// Without JavaScript the banners simply stay visible and the "hide" button is never shown.
(function () {
  "use strict";
  var KEY = "dismissed-notices";

  function dismissed() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (error) { return []; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var hidden = dismissed();
    Array.prototype.forEach.call(document.querySelectorAll("[data-urgent-notice]"), function (banner) {
      var id = banner.getAttribute("data-urgent-notice");
      if (hidden.indexOf(id) !== -1) { banner.hidden = true; return; }
      var button = banner.querySelector("[data-dismiss-notice]");
      if (!button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var list = dismissed();
        if (list.indexOf(id) === -1) { list.push(id); }
        try { window.localStorage.setItem(KEY, JSON.stringify(list.slice(-50))); } catch (error) { /* private mode */ }
        banner.hidden = true;
        var main = document.getElementById("main");
        if (main) { main.focus(); }  // keep keyboard focus on the page, not on a removed button
      });
    });
  });
})();
