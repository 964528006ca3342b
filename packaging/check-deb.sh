#!/bin/sh
# The issue's acceptance check on a test machine (not CI: it needs root, apt-get, xvfb-run and
# ImageMagick's import): install target/dist/runlens_*.deb with its declared dependencies, run the
# command-line launcher through its /usr/bin/runlens link against every fixture, check that both
# launchers map the AOT caches built at package time, check the MIME type, screenshot the dashboard started
# by the window launcher under Xvfb, then remove the package and check the link went with it.
# Usage: sudo packaging/check-deb.sh [screenshot.png]
set -eu
cd "$(dirname "$0")/.."
deb=$(ls target/dist/runlens_*.deb)
shot=$(realpath -m "${1:-target/dist/packaged-window.png}")
window=/opt/runlens/bin/Runlens
cli=/usr/bin/runlens

apt-get install -y "./$deb"
trap 'apt-get remove -y runlens' EXIT

[ "$(readlink "$cli")" = /opt/runlens/bin/runlens-cli ] || { echo "$cli is not the command-line launcher" >&2; exit 1; }
runlens --version
"$window" --version
for log in src/test/resources/fixtures/*.jsonl; do
    runlens summary --json "$log" | cmp - "${log%.jsonl}.summary.json"
    echo "summary --json $log: as expected"
done
# Each launcher maps the AOT cache trained at package time from /opt/runlens (decision 0033):
# refused, the JVM would print "[error][aot] ..." lines, on stdout.
for pair in runlens:runlens-cli.aot "$window":runlens-window.aot; do
    aot=$(JAVA_TOOL_OPTIONS=-Xlog:aot=info "${pair%%:*}" --version 2>&1)
    echo "$aot" | grep -q "Opened AOT cache /opt/runlens/lib/app/${pair#*:}\." && ! echo "$aot" | grep -q '\[error' \
        || { echo "${pair%%:*} does not map its AOT cache:" >&2; echo "$aot" >&2; exit 1; }
    echo "AOT cache: ${pair%%:*} maps /opt/runlens/lib/app/${pair#*:}"
done
# Bash completion: the installed script completes the commands.
completion=/usr/share/bash-completion/completions/runlens
[ -r "$completion" ] || { echo "no bash completion at $completion" >&2; exit 1; }
bash -c ". $completion && COMP_WORDS=(runlens su) COMP_CWORD=1 && _complete_runlens && printf '%s\\n' \"\${COMPREPLY[@]}\"" | grep -qx summary \
    || { echo "bash completion does not offer 'summary'" >&2; exit 1; }
echo "bash completion: installed"
type=$(xdg-mime query filetype assets/demo-session.runlens.jsonl)
[ "$type" = application/x-runlens-session ] || { echo "demo log is $type" >&2; exit 1; }
echo "MIME type: $type, opened by $(xdg-mime query default "$type")"

# The window must still be up after 20 s; kill -0 fails if it died.
xvfb-run -a -s "-screen 0 1400x900x24" sh -c '
    "$1" & pid=$!
    sleep 20
    kill -0 "$pid"
    import -window root "$2"
    kill "$pid"' check "$window" "$shot"
echo "screenshot: $shot"

trap - EXIT
apt-get remove -y runlens
[ ! -e "$cli" ] || { echo "$cli is still there after removing the package" >&2; exit 1; }
echo "removed: $cli is gone"
[ ! -e "$completion" ] || { echo "$completion is still there after removing the package" >&2; exit 1; }
echo "removed: $completion is gone"
