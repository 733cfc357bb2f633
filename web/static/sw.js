// Gradeladder service worker: precaches every file of the build (each page by its directory,
// `./role/<family>/<level>/`) so the app opens with no network after the first visit. Assembling the
// bundle (`cargo xtask dist`, `gradeladder build`) fills in PRECACHE and VERSION from its files.
// Under `trunk serve` the placeholders stay: nothing is precached and every request goes to the network.
const VERSION = "dev" /* __GRADELADDER_VERSION__ */;
const PRECACHE = [] /* __GRADELADDER_PRECACHE__ */;
// Named by this worker's scope: bundles at different sub-paths of one origin keep their own caches.
const PREFIX = `gradeladder-${self.registration.scope}-`;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Straight from the network: a stale HTTP-cache copy must not be precached, and a page request
      // for the same file still pending in the HTTP cache must not hold the install up.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-store" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      // Only this bundle's earlier versions: another bundle's cache is not ours to delete.
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) {
        return cached;
      }
      return fetch(request);
    })
  );
});
