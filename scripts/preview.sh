#!/bin/sh
# Serve a built site on http://127.0.0.1:PORT/ for a preview (Ctrl-C stops).
#   scripts/preview.sh [DIR [PORT]]     defaults: output 8000
# Uses python3's http.server when python3 is present, else a small Node
# server.  Only this machine can reach it (127.0.0.1).
set -eu

dir=${1:-output}
port=${2:-8000}

case $port in
'' | *[!0-9]*)
	echo "preview: PORT must be a number, not '$port'" >&2
	exit 2
	;;
esac
if [ ! -d "$dir" ]; then
	echo "preview: no directory '$dir'; build the site first (./planpress build)" >&2
	exit 1
fi
[ -f "$dir/index.html" ] || echo "preview: warning: '$dir' has no index.html" >&2

echo "http://127.0.0.1:$port/"

if command -v python3 >/dev/null 2>&1; then
	exec python3 -m http.server --bind 127.0.0.1 --directory "$dir" "$port"
fi
if command -v node >/dev/null 2>&1; then
	# shellcheck disable=SC2016 # JavaScript, not shell
	exec node -e '
const fs = require("fs"), http = require("http"), path = require("path");
const root = path.resolve(process.argv[1]), port = Number(process.argv[2]);
const types = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".jsonld": "application/ld+json", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
  ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
  ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml", ".ttl": "text/turtle", ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, "http://x").pathname); }
  catch { res.writeHead(400).end(); return; }
  let file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
  let st = null;
  try {
    st = fs.statSync(file);
    if (st.isDirectory()) {
      if (!rel.endsWith("/")) {
        console.error(`${req.method} ${req.url} 301`);
        res.writeHead(301, {Location: req.url.split("?")[0] + "/"}).end(); return;
      }
      file = path.join(file, "index.html");
      st = fs.statSync(file);
    }
  } catch { st = null; }
  console.error(`${req.method} ${req.url} ${st && st.isFile() ? 200 : 404}`);
  if (!st || !st.isFile()) {
    const nf = path.join(root, "404.html");
    res.writeHead(404, {"Content-Type": types[".html"]});
    if (fs.existsSync(nf)) fs.createReadStream(nf).pipe(res); else res.end("not found");
    return;
  }
  res.writeHead(200, {"Content-Type": types[path.extname(file).toLowerCase()] ||
    "application/octet-stream", "Content-Length": st.size});
  if (req.method === "HEAD") res.end(); else fs.createReadStream(file).pipe(res);
}).listen(port, "127.0.0.1");
' "$dir" "$port"
fi
echo "preview: neither python3 nor node found (run: sh scripts/deps.sh test)" >&2
exit 1
