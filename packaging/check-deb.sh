#!/bin/sh
# The issue's acceptance check on a test machine (not CI: it needs root, apt-get, xvfb-run and
# ImageMagick's import): install target/dist/runlens_*.deb with its declared dependencies, run the
# installed launcher against every fixture, check the MIME type, screenshot the dashboard under
# Xvfb, then remove the package.   Usage: sudo packaging/check-deb.sh [screenshot.png]
set -eu
cd "$(dirname "$0")/.."
deb=$(ls target/dist/runlens_*.deb)
shot=$(realpath -m "${1:-target/dist/packaged-window.png}")
launcher=/opt/runlens/bin/Runlens

apt-get install -y "./$deb"
trap 'apt-get remove -y runlens' EXIT

"$launcher" --version
for log in src/test/resources/fixtures/*.jsonl; do
    "$launcher" summary --json "$log" | cmp - "${log%.jsonl}.summary.json"
    echo "summary --json $log: as expected"
done
type=$(xdg-mime query filetype assets/demo-session.runlens.jsonl)
[ "$type" = application/x-runlens-session ] || { echo "demo log is $type" >&2; exit 1; }
echo "MIME type: $type, opened by $(xdg-mime query default "$type")"

# The window must still be up after 20 s; kill -0 fails if it died.
xvfb-run -a -s "-screen 0 1400x900x24" sh -c '
    "$1" & pid=$!
    sleep 20
    kill -0 "$pid"
    import -window root "$2"
    kill "$pid"' check "$launcher" "$shot"
echo "screenshot: $shot"
