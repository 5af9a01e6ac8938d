// The /preview/ page (crates/quire-build/src/preview.rs): a draft in the text area, an opened or
// dropped file, rendered by the preview worker (crates/quire-preview: the build's own reading
// and the app's own components) into the page beside it, with the build's messages under it.
// The app does not run here, so its WASM carries none of this. Nothing is sent anywhere: the
// draft stays in this browser's storage.
const $ = (id) => document.getElementById(id);
const text = $("preview-text");
const output = $("preview-output");
const said = $("preview-said");
const status = $("preview-status");
const base = document.querySelector('meta[name="quire-base"]').content.replace(/\/$/, "");
const loader = document.querySelector('meta[name="quire-preview"]');
const site = JSON.parse(document.getElementById("quire-data").textContent).site;
const templatesData = document.getElementById("quire-templates");
const templates = templatesData ? JSON.parse(templatesData.textContent) : {};
// A blog in several languages: theirs settings, so a draft named `x.fr.md` previews as French.
const languagesData = document.getElementById("quire-languages");
const languages = languagesData ? JSON.parse(languagesData.textContent) : [];
// What this page says, in the site's words (crates/quire-build/src/preview.rs).
const wordsData = document.getElementById("quire-preview-words");
const say = wordsData ? JSON.parse(wordsData.textContent) : {};
const fileName = $("preview-name");
const KEY = "quire-preview-draft";
// The draft's file name says its language to the build (`x.fr.md`), so it can be edited.
let name = "draft.md";
let slug = null;

// The worker renders one draft at a time; keystrokes meanwhile only mark the text as changed,
// and the newest text goes next: typing never waits, and no stale render is shown last.
let worker = null;
let busy = false;
let pending = false;
let id = 0;
const render = () => {
  if (!worker || busy) {
    pending = true;
    return;
  }
  busy = true;
  pending = false;
  id += 1;
  worker.postMessage(JSON.stringify({ id, name, text: text.value, site, templates, languages, base }));
};

const show = (answer) => {
  slug = answer.slug;
  // The article as the published page's <main> holds it: the one Markdown pipeline and its
  // sanitiser made it, and every front-matter value is escaped.
  const start = answer.main.indexOf(">") + 1;
  const end = answer.main.lastIndexOf("</main>");
  output.innerHTML = answer.main ? answer.main.slice(start, end) : "";
  said.replaceChildren(
    ...answer.diagnostics.map((d) => {
      const li = document.createElement("li");
      li.className = d.error ? "said-error" : "said-warning";
      if (d.line) {
        const go = document.createElement("button");
        go.type = "button";
        go.textContent = say.line.replace("{n}", d.line);
        go.addEventListener("click", () => selectLine(d.line));
        li.append(go, " ");
      }
      li.append(d.text);
      return li;
    }),
  );
  if (!answer.diagnostics.length) {
    const li = document.createElement("li");
    li.textContent = say.nothing;
    said.append(li);
  }
};

// A message's line, selected in the text area.
function selectLine(line) {
  const lines = text.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  text.focus();
  text.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

if (loader) {
  worker = new Worker(`${base}/${loader.content}`);
  worker.onmessage = (e) => {
    const answer = JSON.parse(e.data);
    busy = false;
    if (answer.id === id && answer.main !== undefined) show(answer);
    if (pending || answer.id === 0) render();
  };
  worker.onerror = () => {
    status.textContent = say.failed;
  };
} else {
  status.textContent = say.noWorker;
}

const keep = () => {
  try {
    localStorage.setItem(KEY, JSON.stringify({ name, text: text.value }));
  } catch {
    status.textContent = say.notKept;
  }
};
text.addEventListener("input", () => {
  keep();
  render();
});

const open = async (file) => {
  if (!file) return;
  if (!/\.(md|markdown)$/i.test(file.name)) {
    status.textContent = say.notMarkdown.replace("{name}", file.name);
    return;
  }
  name = file.name;
  fileName.value = name;
  text.value = await file.text();
  status.textContent = say.opened.replace("{name}", file.name);
  keep();
  render();
};
$("preview-file").addEventListener("change", (e) => open(e.target.files[0]));
document.addEventListener("dragover", (e) => e.preventDefault());
document.addEventListener("drop", (e) => {
  e.preventDefault();
  open(e.dataTransfer.files[0]);
});

$("preview-download").addEventListener("click", () => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text.value], { type: "text/markdown" }));
  a.download = `${slug || name.replace(/\.(md|markdown)$/i, "") || "draft"}.md`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
});
$("preview-clear").addEventListener("click", () => {
  text.value = "";
  name = "draft.md";
  fileName.value = name;
  try {
    localStorage.removeItem(KEY);
  } catch {}
  render();
  text.focus();
});

// The header's theme toggle, as the app wires it elsewhere (src/components/theme_toggle.rs).
document.querySelector(".theme-toggle")?.addEventListener("click", () => {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  root.dataset.theme = dark ? "light" : "dark";
  try {
    localStorage.setItem("quire-theme", root.dataset.theme);
  } catch {}
});

// Offline once loaded, as every page of a release build (boot.js starts the same worker).
const manifest = document.querySelector('link[rel="manifest"]');
if (manifest && navigator.serviceWorker) navigator.serviceWorker.register(new URL("sw.js", manifest.href)).catch(() => {});

try {
  const kept = JSON.parse(localStorage.getItem(KEY) || "null");
  if (kept) {
    name = kept.name || name;
    text.value = kept.text || "";
  }
} catch {}
fileName.value = name;
// A name the build would read (`.md`): the draft is previewed as that file.
fileName.addEventListener("input", () => {
  const typed = fileName.value.trim();
  name = /\.(md|markdown)$/i.test(typed) ? typed : `${typed || "draft"}.md`;
  keep();
  render();
});
render();
