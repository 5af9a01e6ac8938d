#!/usr/bin/env bash
# Editing a post's text must not change the WASM (its file name is its content hash), so CDN
# caches of the app survive content-only deploys. Builds once with an edited post and compares
# with the release build `make e2e-dist` made from the same tree.
set -euo pipefail
cd "$(dirname "$0")/.."
post=public/posts/rust-errors-without-tears.md
backup=$(mktemp)
cp "$post" "$backup"
trap 'cp "$backup" "$post"; rm -f "$backup"' EXIT
printf '\nA sentence added by tests/content-edit-keeps-wasm.sh.\n' >> "$post"
trunk build --release --dist target/e2e/dist-edited --public-url / >/dev/null 2>&1
# The app, its route modules (quire-split-*) and the workers.
before=$(cd target/e2e/dist-root && ls ./*_bg.wasm ./quire-split-* | tr "\n" " ")
after=$(cd target/e2e/dist-edited && ls ./*_bg.wasm ./quire-split-* | tr "\n" " ")
grep -q "A sentence added" target/e2e/dist-edited/posts/rust-errors-without-tears/index.html
if [ "$before" != "$after" ]; then
  echo "content-edit-keeps-wasm: FAILED: editing a post changed the WASM ($before → $after)"
  exit 1
fi
echo "content-edit-keeps-wasm: ok: the post changed, the WASM stayed $after"
