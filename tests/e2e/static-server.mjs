// A plain static file server for the end-to-end tests and benchmarks: what a static host does
// (python3 -m http.server, nginx with only `error_page 404 /404.html`), nothing more. Unlike
// `trunk serve`, a missing file is a real 404 (with 404.html if the site has one), and a folder
// without its trailing slash is redirected to it. --spa answers unknown paths with index.html
// like an SPA-configured host; --gzip compresses like a production host; --cache lets browsers
// keep files as the build's `_headers` asks a host to (content-hashed files for a year, the
// rest revalidated), where the default forbids any caching.
//
//   node tests/e2e/static-server.mjs --dir dist --port 4173 [--base /blog/] [--spa] [--cache]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(opt("dir", "dist"));
const port = Number(opt("port", "4173"));
const trimmed = opt("base", "/").replace(/^\/+|\/+$/g, "");
const base = trimmed ? `/${trimmed}/` : "/";
const spa = args.includes("--spa");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
};

const gzip = args.includes("--gzip");
const cache = args.includes("--cache");
// trunk's and the build's content-hashed names: `main-0123456789abcdef.css`, `x-…_bg.wasm`.
const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

async function file(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { dir: true };
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

function send(req, res, status, found) {
  const type = types[extname(found.path)] || "application/octet-stream";
  let body = found.body;
  const policy = !cache ? "no-store" : hashed.test(found.path) ? "public, max-age=31536000, immutable" : "no-cache";
  const headers = { "content-type": type, "cache-control": policy };
  if (gzip && /gzip/.test(req.headers["accept-encoding"] || "") && !/image\/png|image\/jpeg/.test(type)) {
    body = gzipSync(body, { level: 9 });
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let pathname = decodeURIComponent(url.pathname);
  if (pathname === base.slice(0, -1)) pathname = base;
  if (!pathname.startsWith(base)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not under the base path");
    return;
  }
  const rel = normalize(pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
  let found = await file(join(root, rel));
  if (found?.dir) {
    if (!pathname.endsWith("/")) {
      res.writeHead(301, { location: pathname + "/" + url.search }).end();
      return;
    }
    found = await file(join(root, rel, "index.html"));
  }
  if (found) return send(req, res, 200, found);
  const fallback = spa ? await file(join(root, "index.html")) : await file(join(root, "404.html"));
  if (fallback && !fallback.dir) return send(req, res, spa ? 200 : 404, fallback);
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}${spa ? " (SPA fallback)" : ""}`);
});
