/* The admin's translated fields: django-modeltranslation groups the PL/EN/UK/RU fields of a text in tabs and
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

  var jq = (window.django && window.django.jQuery) || window.jQuery;
  if (jq) {
    // Registered after modeltranslation's own ready handler, so this runs once the tabs exist.
    jq(nameLanguages);
  } else {
    document.addEventListener("DOMContentLoaded", nameLanguages);
  }
})();
