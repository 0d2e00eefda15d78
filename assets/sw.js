// Wasim's service worker: after the first visit the app opens and works with no network.
// It caches the page and every file the page names (the hashed js, wasm and css of the
// build), serves them from the cache, and refreshes the cache from the network when it can.
// It never touches requests to other origins (the app makes none).
const CACHE = 'wasim-v2';

async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch('./', { cache: 'no-cache' });
  const html = await index.clone().text();
  // The analysis worker's files are not named in the page; their names carry no hash.
  const names = new Set(['./', './manifest.webmanifest', './icon.svg', './wasim-worker_loader.js', './wasim-worker.js', './wasim-worker_bg.wasm']);
  for (const m of html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*['"](\.\/[^'"]+)['"]/g)) names.add(m[1]);
  await cache.put('./', index);
  await cache.addAll([...names].filter((n) => n !== './'));
  // Drop files of older builds.
  for (const req of await cache.keys()) {
    const path = './' + new URL(req.url).pathname.split('/').pop();
    if (!names.has(path) && !req.url.endsWith('/')) await cache.delete(req);
  }
}

self.addEventListener('install', (e) => {
  e.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    for (const k of await caches.keys()) if (k !== CACHE) await caches.delete(k);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  e.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req, { ignoreSearch: true });
    const fresh = fetch(req).then((res) => {
      if (res.ok) cache.put(req, res.clone());
      return res;
    }).catch(() => undefined);
    if (hit) {
      e.waitUntil(fresh);
      return hit;
    }
    return (await fresh) || new Response('offline', { status: 503, statusText: 'offline' });
  })());
});
