// Starts quire's WASM app once the prerendered page has painted, so loading the app never
// delays the first paint. A file rather than trunk's inline loader, so a strict
// Content-Security-Policy needs no 'unsafe-inline'. trunk fills in the hashed file names
// (Trunk.toml, pattern_script).
//
// The module is compiled while it streams in; instantiating it, reading the page's state and
// rendering the app then run as separate tasks, with the browser free to handle input in
// between, so no single task blocks the reader for long (Total Blocking Time, BENCHMARKS.md).
const app = document.querySelector('meta[name="quire-app"]');
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
let started = false;
async function start() {
  if (started) return;
  started = true;
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
// After the next frame; the timeout covers background tabs, where frames do not run.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 250);
