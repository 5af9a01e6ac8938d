// Starts quire's WASM app, which takes over the prerendered page: on the reader's first sign
// of intent (a pointer over the page, a touch, a key, focus, a scroll), or once the page has
// been idle for IDLE_MS. Until then the prerendered page is complete on its own (links are
// plain links, the video and copy buttons work from here), and nothing of the app loads or runs
// while the page is first read: a reader who only reads pays for the HTML and this file
// (issue 27, BENCHMARKS.md "First visit"). A file rather than trunk's inline loader, so a
// strict Content-Security-Policy needs no 'unsafe-inline'. trunk fills in the hashed file
// names (Trunk.toml, pattern_script).
//
// The module is compiled while it streams in; instantiating it, reading the page's state and
// rendering the app then run as separate tasks, with the browser free to handle input in
// between, so no single task blocks the reader for long (Total Blocking Time).
const app = document.querySelector('meta[name="quire-app"]');
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const INTENT = ["pointerover", "pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll"];
const IDLE_MS = 4000;
let started = false;
async function start() {
  if (started) return;
  started = true;
  for (const type of INTENT) removeEventListener(type, start, true);
  performance.mark("quire:boot");
  const bindings = await import(app.dataset.js);
  const wasm = await bindings.default({ module_or_path: app.dataset.wasm });
  performance.mark("quire:instantiated");
  await nextTask();
  bindings.prepare();
  await nextTask();
  bindings.start();
  performance.mark("quire:started");
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
for (const type of INTENT) addEventListener(type, start, { capture: true, passive: true });
// Idle: loaded, then IDLE_MS, then a moment the browser has nothing else to do.
const whenIdle = () => setTimeout(() => (window.requestIdleCallback || setTimeout)(start, { timeout: 1000 }), IDLE_MS);
if (document.readyState === "complete") whenIdle();
else addEventListener("load", whenIdle, { once: true });

// A post's video (quire_core::embed) loads nothing until the reader clicks play: then the
// player, from one of the origins the Content-Security-Policy frames, replaces the link in
// place. Capturing, on window: before the router's own click handler.
const PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://streamable.com"];
addEventListener(
  "click",
  (e) => {
    const a = e.target instanceof Element && e.target.closest("figure[data-embed] > a[href]");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!PLAYERS.includes(new URL(a.href).origin)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const player = document.createElement("iframe");
    player.src = a.href;
    player.title = a.textContent;
    player.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    player.allowFullscreen = true;
    a.replaceWith(player);
    player.focus();
  },
  true,
);

// Offline reading (release builds, which link the web app manifest; sw.js sits beside it). A
// development build has neither, and drops any worker an earlier release build left on this
// address, so `make serve` never shows a page the worker kept.
const manifest = document.querySelector('link[rel="manifest"]');
const workers = navigator.serviceWorker;
const UPDATED = "quire-updated";
if (workers && manifest) {
  let controlled = !!workers.controller;
  let updated = false;
  // Once the app runs: its install fetches the app's files, which a reader who only reads
  // never needed.
  const register = () => workers.register(new URL("sw.js", manifest.href)).catch(() => {});
  addEventListener("TrunkApplicationStarted", register, { once: true });
  // A new build's worker took over this page, whose app is the old one: the reader's next
  // page loads in full, from the new build, rather than mixing the old app with new data.
  workers.addEventListener("controllerchange", () => {
    updated = controlled;
    controlled = true;
  });
  const reload = () => {
    try {
      sessionStorage.setItem(UPDATED, "1");
    } catch {}
  };
  // Capturing, on window: before the router's own click handler, which it then never sees.
  addEventListener(
    "click",
    (e) => {
      const a = e.target instanceof Element && e.target.closest("a[href]");
      if (!updated || !a || e.defaultPrevented || e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target || a.hasAttribute("download")) return;
      const to = new URL(a.href, location.href);
      if (to.origin !== location.origin || (to.pathname === location.pathname && to.hash)) return;
      e.stopImmediatePropagation();
      reload();
    },
    true,
  );
  addEventListener("popstate", () => {
    if (!updated) return;
    reload();
    location.reload();
  });
  try {
    if (sessionStorage.getItem(UPDATED)) {
      sessionStorage.removeItem(UPDATED);
      addEventListener("TrunkApplicationStarted", () => {
        const note = document.createElement("p");
        note.className = "update-note";
        note.setAttribute("role", "status");
        note.textContent = "This blog was updated: you are reading its newest version.";
        // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it
        // would not); the theme's colours, reversed.
        Object.assign(note.style, {
          position: "fixed",
          bottom: "1rem",
          left: "1rem",
          margin: "0",
          padding: ".5rem 1rem",
          borderRadius: "6px",
          background: "var(--fg)",
          color: "var(--bg)",
          fontFamily: "var(--sans)",
        });
        document.body.append(note);
        setTimeout(() => note.remove(), 8000);
      });
    }
  } catch {}
} else if (workers) {
  workers.getRegistrations().then((all) => all.forEach((r) => r.unregister()), () => {});
}
