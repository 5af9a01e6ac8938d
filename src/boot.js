// Starts quire's WASM app once the prerendered page has painted, so loading the app never
// delays the first paint. A file rather than trunk's inline loader, so a strict
// Content-Security-Policy needs no 'unsafe-inline'. trunk fills in the hashed file names
// (Trunk.toml, pattern_script).
const app = document.querySelector('meta[name="quire-app"]');
let started = false;
async function start() {
  if (started) return;
  started = true;
  const bindings = await import(app.dataset.js);
  const wasm = await bindings.default({ module_or_path: app.dataset.wasm });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
// After the next frame; the timeout covers background tabs, where frames do not run.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 250);
