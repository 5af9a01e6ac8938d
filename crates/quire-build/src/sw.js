// quire's service worker: the blog offline. The build writes it (crates/quire-build/src/
// offline.rs) with this build's settings in place of the config below, so a new deployment
// is a new sw.js, which browsers check on every page load and the worker on every data fetch.
//
// - The app's files (content-hashed, so they never change) come from this build's cache, kept
//   at install; other builds' caches are dropped when this one takes over.
// - Everything else (pages, data, Markdown, pictures) comes from the network first, so a reader
//   online always gets the latest; each answer is kept, under its address without the query,
//   and used when the network does not answer. An unopened page with the network down gets
//   404.html, the app's shell: the app routes by address and loads the post's data and
//   Markdown from the cache, if the reader saved the whole blog.
// - A new build takes over at once; the page it takes over from (boot.js) then loads the
//   reader's next page in full, so no page mixes the old app with the new data.
const CONFIG = __CONFIG__;
const BASE = CONFIG.base;
const at = (path) => `${BASE}/${path}`;
const HASHED = new Set(CONFIG.hashed.map(at));
const SHELL = at("404.html");
// How often data fetches ask whether a new build is out (an in-app navigation fetches data
// but no page, so the browser's own check on page loads does not happen).
const CHECK_EVERY_MS = 5000;
let lastCheck = Date.now();

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CONFIG.app)
      // A hashed file never changes: the copy the page already loaded (the app's own) serves.
      // The others (boot.js, 404.html) are asked of the server again.
      .then((cache) =>
        cache.addAll(CONFIG.precache.map((p) => new Request(at(p), { cache: HASHED.has(at(p)) ? "default" : "no-cache" }))),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("quire-app-") && name !== CONFIG.app) await caches.delete(name);
      }
      await self.clients.claim();
      const pages = await caches.open(CONFIG.pages);
      // The pages already open were loaded before this worker: keep them too, with the files
      // a page of its own needs (the preview's editor and worker).
      for (const client of await self.clients.matchAll({ type: "window" })) {
        await keep(pages, new Request(client.url, { cache: "no-cache" }));
        for (const file of CONFIG.needs[new URL(client.url).pathname] || []) {
          const cache = HASHED.has(at(file)) ? await caches.open(CONFIG.app) : pages;
          await keep(cache, new Request(at(file)));
        }
      }
      // Pages kept from an earlier build name that build's app, whose files are gone: fetch
      // them again (those that cannot be are still readable: they are prerendered).
      for (const request of await pages.keys()) {
        const kept = await pages.match(request);
        if (kept && (kept.headers.get("content-type") || "").startsWith("text/html")) {
          await keep(pages, new Request(request.url, { cache: "no-cache" }));
        }
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !`${url.pathname}/`.startsWith(`${BASE}/`)) return;
  if (url.pathname === at("sw.js")) return;
  if (HASHED.has(url.pathname)) {
    event.respondWith(appFile(request, url));
  } else {
    event.respondWith(networkFirst(event, request, url));
  }
});

function key(url) {
  return url.origin + url.pathname;
}

async function appFile(request, url) {
  const cache = await caches.open(CONFIG.app);
  const kept = await cache.match(key(url));
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(key(url), response.clone());
  return response;
}

async function networkFirst(event, request, url) {
  if (request.mode !== "navigate" && url.pathname.endsWith(".json")) checkForUpdate();
  try {
    const response = await fetch(request);
    if (storable(request, response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(CONFIG.pages).then((cache) => cache.put(key(url), copy)));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(key(url));
    if (kept) return kept;
    if (request.mode === "navigate") {
      const shell = await caches.match(location.origin + SHELL);
      if (shell) return shell;
    }
    throw error;
  }
}

// A page where a file was asked for is a host's answer for a missing file (SPA hosts answer
// with index.html and 200): not kept, so it never stands in for the file offline.
function storable(request, response) {
  if (!response.ok || response.type !== "basic") return false;
  const html = (response.headers.get("content-type") || "").startsWith("text/html");
  return request.mode === "navigate" || !html;
}

async function keep(cache, request) {
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key(new URL(request.url)), response);
    else if (response.status === 404) await cache.delete(key(new URL(request.url)));
  } catch {
    // Offline: what is kept stays.
  }
}

function checkForUpdate() {
  const now = Date.now();
  if (now - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now;
  self.registration.update().catch(() => {});
}

// "Save the whole blog" (the app's footer asks): "size" answers with what saving costs;
// "save" keeps every file offline.json lists, a few at a time, telling the page how far it is.
// In a blog in several languages both are the page's language's part of the list, with what
// every language costs beside it, and "save-all" keeps every language.
self.addEventListener("message", (event) => {
  const page = event.source;
  const tell = (message) => page && page.postMessage(message);
  const part = (l) => languageOf(l, page && page.url) || l;
  if (event.data === "size") {
    event.waitUntil(
      list().then(
        (l) => tell(l.languages ? { bytes: part(l).bytes, posts: part(l).posts, all: l.bytes } : { bytes: l.bytes, posts: l.posts }),
        () => tell({ failed: -1 }),
      ),
    );
  } else if (event.data === "save" || event.data === "save-all") {
    const pick = event.data === "save" ? part : (l) => l;
    event.waitUntil(save(tell, pick).catch(() => tell({ failed: -1 })));
  }
});

// The part of the list for the language a page is in: its folder is the path's first segment
// under the base (none for the default language).
function languageOf(l, url) {
  if (!l.languages || !url) return null;
  const path = new URL(url).pathname.slice(BASE.length + 1);
  const first = path.split("/")[0];
  const part = l.languages.find((p) => p.dir && p.dir === first) || l.languages.find((p) => !p.dir);
  return part && { assets: l.assets, files: part.files, bytes: part.bytes, posts: part.posts };
}

async function list() {
  const response = await fetch(at("offline.json"), { cache: "no-cache" });
  if (!response.ok) throw new Error(`offline.json: ${response.status}`);
  return response.json();
}

const SAVE_AT_ONCE = 6;

async function save(tell, pick) {
  const l = pick(await list());
  const jobs = [...l.assets.map((p) => [CONFIG.app, p]), ...l.files.map((p) => [CONFIG.pages, p])];
  const total = jobs.length;
  tell({ done: 0, total });
  let done = 0;
  let failed = 0;
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const [name, path] = job;
      try {
        const response = await fetch(at(path), { cache: "no-cache" });
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        await (await caches.open(name)).put(location.origin + at(path), response);
        done += 1;
      } catch {
        failed += 1;
      }
      // Every 20 files: enough to move the bar, few enough to leave the page alone.
      if ((done + failed) % 20 === 0) tell({ done: done + failed, total });
    }
  };
  await Promise.all(Array.from({ length: SAVE_AT_ONCE }, worker));
  tell(failed ? { failed, total } : { saved: l.bytes });
}
