// Synthetic blogs for bench/scale.mjs and bench/search.mjs: n posts built from the real posts'
// text plus a different stretch of the CommonMark spec's prose each (so lengths, headings,
// code, links and a growing vocabulary are realistic), and their release build.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sources = readdirSync("public/posts")
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(join("public/posts", f), "utf8").replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, ""))
  // Links to other posts' files would be broken links in a synthetic blog.
  .map((body) => body.replace(/\]\((\.\/)?[a-z0-9-]+\.md(#[^)]*)?\)/g, "](https://example.com/)"));
// Prose from the CommonMark spec, a different stretch per post, so the vocabulary (and the
// search index) grows with the blog as a real one's does.
const spec = readFileSync("tests/fixtures/commonmark/spec.txt", "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
function stretch(i) {
  const from = spec.indexOf("\n\n", (i * 7919) % (spec.length - 6000)) + 2;
  const to = spec.indexOf("\n\n", from + 3000);
  // Whole fenced examples only: a cut fence would swallow the rest of the post.
  return spec.slice(from, to).replace(/^`{32}[^\n]*$/gm, "");
}
const TAGS = ["rust", "go", "python", "web", "tools", "notes", "wasm", "css", "databases", "testing"];
// A blog as people bring them: a quarter of the posts in five sections (each with an
// `_index.md`), a tenth as page bundles with an image beside them (its size read by the build).
const SECTIONS = 5;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEklEQVR4nGNgYGD4TwVMPQAAw4IP8SjJ8w4AAAAASUVORK5CYII=",
  "base64",
);

// Template code as moved-in blogs carry it (bench/templates.mjs): a Hugo figure and ref, a
// Jekyll highlight, raw block, variable and post_url, a Zola video, in one post.
function templateCode(i) {
  const other = 4 * Math.floor(i / 4); // a post at the top level, never a bundle
  return [
    `{{< figure src="https://example.com/${i}.png" caption="Figure ${i}" alt="A chart" >}}`,
    `See {{< ref "post-${other}.md" >}} and [the last one]({% post_url post-${other} %}) on {{ site.title }}.`,
    "{% highlight ruby %}\ndef greet(name)\n  puts \"Hello, #{name}\"\nend\n{% endhighlight %}",
    "{% raw %}`{{ page.title }}` is Liquid.{% endraw %}",
    '{{ youtube(id="dQw4w9WgXcQ") }}',
  ].join("\n\n");
}

/// Writes a project of `n` posts under `root` and returns its folder; with `templates`, every
/// post also carries other generators' template code.
export function makeSite(root, n, { templates = false } = {}) {
  const dir = join(root, `site-${n}${templates ? "-templates" : ""}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "public/posts"), { recursive: true });
  writeFileSync(join(dir, "quire.toml"), readFileSync("quire.toml"));
  const day = 86_400_000;
  for (let s = 0; s < SECTIONS; s++) {
    mkdirSync(join(dir, "public/posts", `section-${s}`), { recursive: true });
    writeFileSync(join(dir, "public/posts", `section-${s}`, "_index.md"), `+++\ntitle = "Section ${s}"\n+++\nPosts of section ${s}.\n`);
  }
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) - i * day).toISOString().slice(0, 10);
    const tags = [TAGS[i % TAGS.length], TAGS[(i * 7 + 3) % TAGS.length]];
    const bundle = i % 10 === 5;
    const figure = bundle ? "\n\n![A figure](fig.png)\n" : "";
    const code = templates ? `\n\n${templateCode(i)}` : "";
    const body = `${sources[i % sources.length]}${figure}${code}\n\n## Notes\n\n${stretch(i)}`;
    const folder = i % 4 === 1 ? join(dir, "public/posts", `section-${i % SECTIONS}`) : join(dir, "public/posts");
    const text = `---\ntitle: "Synthetic post ${i}"\ndate: ${date}\ntags: [${[...new Set(tags)].join(", ")}]\n---\n\n${body}`;
    if (bundle) {
      mkdirSync(join(folder, `post-${i}`), { recursive: true });
      writeFileSync(join(folder, `post-${i}`, "index.md"), text);
      writeFileSync(join(folder, `post-${i}`, "fig.png"), PNG);
    } else {
      writeFileSync(join(folder, `post-${i}.md`), text);
    }
  }
  return dir;
}

export const du = (dir) => {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return total;
};

/// `trunk build --release` of `site` into `dist`: the whole time, the hook's (trunk prints
/// timestamps; "spawning hook" to "finished hook"), and the log.
export function build(site, dist) {
  const t0 = performance.now();
  const r = spawnSync("trunk", ["build", "--release", "--dist", dist, "--public-url", "/"], {
    env: { ...process.env, QUIRE_CONTENT: site, QUIRE_TIMINGS: "1", NO_COLOR: "true" },
    maxBuffer: 1 << 28,
  });
  const log = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`trunk build failed for ${site}:\n${log.slice(-3000)}`);
  const total = performance.now() - t0;
  const at = (re) => {
    const line = log.split("\n").find((l) => re.test(l));
    return line ? Date.parse(line.slice(0, 27)) : NaN;
  };
  return { total, hook: at(/finished hook/) - at(/spawning hook/), log };
}
