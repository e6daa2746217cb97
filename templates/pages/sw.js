// Find Help's service worker, served at /sw.js by directory/pages.py and registered by
// static/js/site.js for the scope /urgent-help/ only. It keeps one page, urgent help, with the
// files it needs, and answers with that copy when the network fails. No other page goes
// through it, and it keeps nothing else: nothing anyone searched for or chose.
"use strict";

var CACHE = "findhelp-urgent-help-{{ version }}";
var PAGE = new URL({{ page }}, self.location).href;
var FILES = {{ files }}.map(function (file) { return new URL(file, self.location).href; });

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll([PAGE].concat(FILES)); })
      .then(function () { return self.skipWaiting(); })
  );
});

// A new version replaces the old copy (new crisis lines, new file names) at once.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("findhelp-") === 0 && name !== CACHE;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

// The network first, always: the copy is only for when it fails. Urgent help for a borough
// (?borough=…) falls back to the copy without one, which still lists every national line.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  var page = url.origin === self.location.origin && url.pathname === new URL(PAGE).pathname;
  var file = FILES.indexOf(url.href) !== -1;
  if (!page && !file) return; // the browser fetches it as if there were no worker
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (page && !url.search && response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { return cache.put(PAGE, copy); });
        }
        return response;
      })
      .catch(function (error) {
        return caches.open(CACHE)
          .then(function (cache) { return cache.match(page ? PAGE : url.href); })
          .then(function (kept) {
            if (kept) return kept;
            throw error;
          });
      })
  );
});
