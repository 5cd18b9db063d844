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
