// The hold countdown on the details and check pages; the page already shows the minutes left without it.
(function () {
  var element = document.querySelector("[data-countdown]");
  if (!element) return;
  var ends = Date.now() + parseInt(element.getAttribute("data-countdown"), 10) * 1000;
  function tick() {
    var seconds = Math.max(0, Math.round((ends - Date.now()) / 1000));
    element.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    if (seconds > 0) window.setTimeout(tick, 1000);
  }
  window.setTimeout(tick, 1000);
})();
