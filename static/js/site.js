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
      try {
        window.sessionStorage.clear(); // the shortlist, and anything else this tab kept
      } catch (error) {
        // Storage blocked: there is nothing to clear.
      }
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

  // The shortlist, kept in this tab's session storage: it survives going back, searching and
  // filtering, and "Leave this site" (or closing the tab) clears it. Without JavaScript the page
  // address carries it instead. Never a cookie, never the server.
  var SHORTLIST_KEY = "findhelp-shortlist";
  var SHORTLIST_MAX = 20;
  var storage = null;
  try {
    storage = window.sessionStorage;
    storage.getItem(SHORTLIST_KEY);
  } catch (error) {
    storage = null;
  }
  if (storage) {
    var readShortlist = function () {
      try {
        var slugs = JSON.parse(storage.getItem(SHORTLIST_KEY));
        return Array.isArray(slugs) ? slugs : [];
      } catch (error) {
        return [];
      }
    };
    var shortlistUrl = function (slugs) {
      var query = slugs.map(function (slug) { return "service=" + encodeURIComponent(slug); });
      return "/shortlist/" + (query.length ? "?" + query.join("&") : "");
    };
    var status = document.createElement("p");
    status.className = "nhsuk-u-visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);

    var shortlist = readShortlist();
    new URLSearchParams(window.location.search).getAll("service").forEach(function (slug) {
      if (shortlist.indexOf(slug) === -1 && /^[a-z0-9-]{1,120}$/.test(slug)) shortlist.push(slug);
    });
    shortlist = shortlist.slice(0, SHORTLIST_MAX);
    if (shortlist.length) storage.setItem(SHORTLIST_KEY, JSON.stringify(shortlist));

    var onShortlistPage = window.location.pathname === "/shortlist/";
    var shown = new URLSearchParams(window.location.search).getAll("service");
    if (onShortlistPage && shortlist.some(function (slug) { return shown.indexOf(slug) === -1; })) {
      window.location.replace(shortlistUrl(shortlist)); // show what this tab has kept
    }

    var viewLink = function () {
      var link = document.createElement("a");
      link.href = shortlistUrl(shortlist);
      link.setAttribute("data-shortlist-view", "");
      link.textContent = "View your shortlist (" + shortlist.length + ")";
      return link;
    };
    var showShortlist = function () {
      var nav = document.querySelector("[data-shortlist-nav]");
      if (nav) {
        nav.hidden = shortlist.length === 0;
        var navLink = nav.querySelector("a");
        navLink.href = shortlistUrl(shortlist);
        navLink.textContent = "Your shortlist (" + shortlist.length + ")";
      }
      document.querySelectorAll("[data-shortlist-item]").forEach(function (item) {
        if (shortlist.indexOf(item.getAttribute("data-shortlist-item")) === -1) return;
        var added = document.createElement("span");
        added.className = "app-shortlist-add__added";
        added.textContent = "On your shortlist";
        item.replaceChildren(added, document.createTextNode(" · "), viewLink());
      });
    };
    showShortlist();

    document.addEventListener("click", function (event) {
      var add = event.target.closest("[data-shortlist-add]");
      var remove = event.target.closest("[data-shortlist-remove]");
      if (add) {
        event.preventDefault();
        var slug = add.getAttribute("data-shortlist-add");
        if (shortlist.length >= SHORTLIST_MAX) {
          status.textContent = "A shortlist can hold up to " + SHORTLIST_MAX + " services";
          return;
        }
        if (shortlist.indexOf(slug) === -1) shortlist.push(slug);
        storage.setItem(SHORTLIST_KEY, JSON.stringify(shortlist));
        var item = add.closest("[data-shortlist-item]");
        showShortlist();
        var view = item && item.querySelector("[data-shortlist-view]");
        if (view) view.focus();
        status.textContent = "Added " + add.getAttribute("data-shortlist-name") + " to your shortlist";
      } else if (remove) {
        shortlist = shortlist.filter(function (s) { return s !== remove.getAttribute("data-shortlist-remove"); });
        storage.setItem(SHORTLIST_KEY, JSON.stringify(shortlist));
        // The link goes on to the list without it.
      }
    });
  }

  // A printed list of results has them all, the ones behind "show more" too, and the
  // answers they are for.
  window.addEventListener("beforeprint", function () {
    var folded = "details.app-more-results:not([open]), details.app-answers:not([open])";
    document.querySelectorAll(folded).forEach(function (more) {
      more.open = true;
      more.setAttribute("data-opened-to-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-opened-to-print]").forEach(function (more) {
      more.open = false;
      more.removeAttribute("data-opened-to-print");
    });
  });

  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  });

  // A sealed address in place of one that spells out a search, its filters, a shortlist or a
  // service's name (directory/views/sealed.py): Back, the tab's list of pages and a copied
  // address then show a code that only this site can read. Last, once everything above has
  // read the address as it was.
  var sealedUrl = document.body.getAttribute("data-sealed-url");
  if (sealedUrl && window.history.replaceState) {
    try {
      window.history.replaceState(window.history.state, "", sealedUrl + window.location.hash);
    } catch (error) {
      // Not allowed (an odd embedding): the plain address stays, as without JavaScript.
    }
  }

  // Urgent help without a connection: a service worker (/sw.js) keeps a copy of the urgent help
  // page, and the files it needs, and shows it when the network fails. Its scope is
  // /urgent-help/, so no other page goes through it. Once installed, each page asks whether it
  // changed (new crisis lines after a deployment; a 304 otherwise). After the page has loaded,
  // so it never slows one down.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/urgent-help/" })
        .then(function (registration) {
          if (registration.active) return registration.update();
        })
        .catch(function () {
          // Not allowed here (some private windows), or offline: urgent help still works online.
        });
    });
  }
})();
