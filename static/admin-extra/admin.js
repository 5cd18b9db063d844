/* Accessibility repairs of the admin's scripts (django-modeltranslation's tabs, Django's widgets), in a file: the
   Content-Security-Policy allows no inline script. Strings come from data-* attributes of this script's tag,
   translated in templates/admin/base_site.html.

   The translated fields: django-modeltranslation groups the PL/EN/UK/RU fields of a text in tabs and
   takes the language out of each label ("Title [uk]" becomes "Title"). A label must still say which language
   its field holds, for a screen reader and for anyone who lands in a panel without seeing its tab: this puts
   the language's name back, in the page's language, once the tabs are made. Without JavaScript there are no
   tabs and the labels keep "[uk]". */
(function () {
  "use strict";

  function languageName(code) {
    var tag = code.replace("_", "-");
    try {
      var name = new Intl.DisplayNames([document.documentElement.lang || tag], { type: "language" }).of(tag);
      return name.charAt(0).toUpperCase() + name.slice(1);
    } catch (error) {
      return tag;
    }
  }

  function nameLanguages() {
    document.querySelectorAll("[class*='mt-field-']").forEach(function (field) {
      var match = /(?:^|\s)mt-field-[^\s]+-([a-z]{2}(?:_[a-z]+)?)(?:\s|$)/.exec(field.className);
      if (!match || !field.id) {
        return;
      }
      var label = document.querySelector("label[for='" + field.id + "']");
      if (!label || label.querySelector(".mt-language")) {
        return;
      }
      var code = match[1];
      // A label stripped by the tabs is "Title:"; one the tabs did not touch still ends in "[uk]:".
      label.childNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          node.textContent = node.textContent.replace(/ \[[a-z_]+\]/, "");
        }
      });
      var marker = document.createElement("span");
      marker.className = "mt-language";
      marker.lang = document.documentElement.lang || "";
      marker.textContent = " (" + languageName(code) + ")";
      var last = label.lastChild;
      if (last && last.nodeType === Node.TEXT_NODE && /:\s*$/.test(last.textContent)) {
        last.textContent = last.textContent.replace(/:\s*$/, "");
        label.appendChild(marker);
        label.appendChild(document.createTextNode(":"));
      } else {
        label.appendChild(marker);
      }
    });
  }

  var script = document.currentScript;
  var text = function (name) { return (script && script.getAttribute("data-" + name)) || ""; };

  /* jQuery UI puts a focusable link inside each tab (an element with role="tab"): a control inside a control, which
     a screen reader announces twice. The tab itself takes the keyboard; the link loses its href once the tabs are
     made (all the panels are on the page, so the tabs never need to load one). */
  function quietTabLinks(jq) {
    if (jq && jq.ui && jq.ui.tabs && !jq.ui.tabs.prototype._panelsOnThePage) {
      jq.ui.tabs.prototype._isLocal = function () { return true; };
      jq.ui.tabs.prototype._panelsOnThePage = true;
    }
    document.querySelectorAll(".ui-tabs-nav [role='tab'] a[href]").forEach(function (link) {
      link.removeAttribute("href");
    });
  }

  /* modeltranslation's "show all fields in one language" select has no label. */
  function nameLanguageSwitch() {
    var select = document.getElementById("modeltranslation-main-switch");
    if (select && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", text("language-switch"));
    }
  }

  /* Date and time of a split date-time field: Django writes "Date:" and "Time:" as text beside the inputs. */
  function nameDateTimeParts() {
    document.querySelectorAll("p.datetime input").forEach(function (input) {
      if (input.id && document.querySelector("label[for='" + input.id + "']")) {
        return;
      }
      var before = input.previousSibling;
      while (before && before.nodeType !== Node.TEXT_NODE) {
        before = before.previousSibling;
      }
      var part = before ? before.textContent.trim().replace(/:$/, "") : "";
      var row = input.closest(".form-row, fieldset");
      var heading = row ? row.querySelector("legend, label") : null;
      var field = heading ? heading.textContent.trim().replace(/:$/, "") : "";
      input.setAttribute("aria-label", [field, part].filter(Boolean).join(": "));
    });
  }

  /* The search icon Django's two-list selector adds is a span with aria-label, which needs a role to carry it. */
  function roleSearchIcons() {
    document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function repair() {
    var jq = (window.django && window.django.jQuery) || window.jQuery;
    nameLanguages();
    quietTabLinks(jq);
    nameLanguageSwitch();
    nameDateTimeParts();
  }

  var jq = (window.django && window.django.jQuery) || window.jQuery;
  if (jq) {
    // Registered after modeltranslation's own ready handler, so this runs once the tabs exist.
    jq(repair);
  } else {
    document.addEventListener("DOMContentLoaded", repair);
  }
  // Django's selectors and calendar are made on "load", after the ready handlers.
  window.addEventListener("load", function () { roleSearchIcons(); nameDateTimeParts(); });
  // A row added to an inline gets its own tabs.
  document.addEventListener("formset:added", function () { window.setTimeout(repair, 0); });
})();
