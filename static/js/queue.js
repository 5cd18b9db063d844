// The queue's screens: pages work without this file (forms post, the display reloads, the phone has a link).
(function () {
  "use strict";

  // Kiosk: one press, one ticket. The button is disabled while sending; if the network fails, say so and let
  // the person press again, which sends the same press key (the server gives back the same ticket).
  document.querySelectorAll("form[data-kiosk-press]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch) return;
      event.preventDefault();
      var button = form.querySelector("button");
      var retry = document.querySelector("[data-kiosk-retry]");
      if (button) button.disabled = true;
      if (retry) retry.hidden = true;
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) {
          return response.text().then(function (html) {
            if (response.redirected) { window.location.assign(response.url); return; }
            document.open(); document.write(html); document.close();
          });
        })
        .catch(function () {
          if (button) button.disabled = false;
          if (retry) retry.hidden = false;
        });
    });
  });

  // Kiosk: back to the start screen after a while without a touch, so the next person starts afresh.
  var idleSeconds = parseInt(document.body.getAttribute("data-idle-seconds") || "0", 10);
  var idleUrl = document.body.getAttribute("data-idle-url");
  if (idleSeconds > 0 && idleUrl) {
    var idleTimer = null;
    var restart = function () {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(function () { window.location.assign(idleUrl); }, idleSeconds * 1000);
    };
    ["pointerdown", "keydown", "input"].forEach(function (name) { document.addEventListener(name, restart); });
    restart();
  }

  // Kiosk ticket: print it on the receipt printer once.
  if (document.querySelector("[data-autoprint]") && window.print) {
    window.setTimeout(function () { window.print(); }, 300);
  }

  function beep() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      var context = new Context();
      var tone = context.createOscillator();
      var gain = context.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.15;
      tone.connect(gain); gain.connect(context.destination);
      tone.start(); tone.stop(context.currentTime + 0.4);
    } catch (error) { /* sound is optional */ }
  }

  // Display: highlight a new call (and chime); show "reconnecting" while the server does not answer.
  var latestCall = null;
  var board = document.getElementById("board");
  if (board) latestCall = board.getAttribute("data-latest-call");
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var offline = document.querySelector("[data-queue-offline]");
    if (offline) offline.hidden = true;
    var swapped = document.getElementById("board");
    if (swapped) {
      var call = swapped.getAttribute("data-latest-call");
      if (call && call !== latestCall) { swapped.classList.add("board-flash"); beep(); }
      latestCall = call;
    }
    var status = document.getElementById("ticket-status");
    if (status) {
      var state = status.getAttribute("data-ticket-state") || "";
      if (state !== previousTicketState && (state.indexOf("called") === 0 || state.indexOf("-next") > 0)) {
        if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
        beep();
      }
      previousTicketState = state;
    }
  });
  ["htmx:sendError", "htmx:responseError"].forEach(function (name) {
    document.body.addEventListener(name, function () {
      var offline = document.querySelector("[data-queue-offline]");
      if (offline) offline.hidden = false;
    });
  });

  // Phone: vibrate and sound once when the ticket becomes "next" or is called.
  var statusElement = document.getElementById("ticket-status");
  var previousTicketState = statusElement ? statusElement.getAttribute("data-ticket-state") : null;

  // Desk console: never replace the panel while someone is filling in one of its forms.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var element = event.detail.elt;
    if (!element || !element.hasAttribute("data-queue-pause-while-editing")) return;
    var active = document.activeElement;
    if (active && element.contains(active) && active.closest("form")) event.preventDefault();
  });
})();
