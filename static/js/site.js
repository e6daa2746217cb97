// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.body.classList.add("js-enabled");

  // Quick exit, in the manner of GOV.UK's "Exit this page": the button, or Shift pressed
  // three times within a second, blanks the page and replaces this history entry with a
  // neutral site, so Back does not return here.
  var button = document.querySelector("[data-quick-exit]");
  if (button) {
    var leave = function (event) {
      if (event) event.preventDefault();
      var overlay = document.createElement("div");
      overlay.className = "app-quick-exit-overlay";
      document.body.appendChild(overlay);
      document.title = "Loading";
      window.location.replace(button.href);
    };
    button.addEventListener("click", leave);
    var presses = [];
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") {
        presses = [];
        return;
      }
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 1000; });
      presses.push(now);
      if (presses.length >= 3) leave();
    });
  }

  // Move focus to an error summary so screen-reader users hear what went wrong.
  var summary = document.querySelector(".nhsuk-error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // Copy a link (the shortlist, results) to the clipboard.
  document.querySelectorAll("[data-copy-link]").forEach(function (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      var url = copyButton.getAttribute("data-copy-link") || window.location.href;
      var status = document.getElementById(copyButton.getAttribute("aria-controls"));
      navigator.clipboard.writeText(new URL(url, window.location.href).href).then(function () {
        if (status) status.textContent = "Link copied";
      });
    });
  });

  // A service page's back link: to the search, results or shortlist that brought you here,
  // through history, so the page's own address never carries the search or the answers.
  var back = document.querySelector("[data-back-to-results]");
  var from = null;
  try {
    from = document.referrer ? new URL(document.referrer) : null;
  } catch (error) {
    from = null;
  }
  var cameFrom = from && from.origin === window.location.origin && {
    "/services/": "Back to search results",
    "/help/results/": "Back to your results",
    "/shortlist/": "Back to your shortlist"
  }[from.pathname];
  if (back && cameFrom && window.history.length > 1) {
    back.textContent = cameFrom;
    back.hidden = false;
    back.addEventListener("click", function (event) {
      event.preventDefault();
      window.history.back();
    });
  }

  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  });
})();
