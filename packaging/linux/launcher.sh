#!/bin/bash
# bin/Runlens and bin/runlens-cli, the image's launchers (decisions 0070, 0071; bash, for exec -a).
# It starts the image's own runtime with what jpackage wrote for the launcher in lib/app/NAME.cfg
# (class path, main class, java-options, $APPDIR), as jpackage's native launcher does, but without its
# package-manager queries: on every start it ran `rpm -qf` and `dpkg -S` on itself, twice, before
# starting the JVM (0.3-0.5 s of a start on a Debian machine; dpkg -S reads every installed
# package's file list). As bin/NAME (or a symlink to it, like /usr/bin/runlens) it reads lib/app/NAME.cfg.
set -e
self=$(readlink -f "$0")
image=${self%/bin/*}
name=${self##*/}
appdir="$image/lib/app"
# jpackage writes one configuration per launcher, named after it: bin/NAME reads lib/app/NAME.cfg.
cfg="$appdir/$name.cfg"
[ -r "$cfg" ] || { echo "$name: cannot read $cfg" >&2; exit 1; }

# The command line's arguments go last: count them, append the JVM's, then rotate them to the end.
# $APPDIR in the configuration is lib/app, wherever the image is unpacked or installed.
count=$#
classpath=
mainclass=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        *'$APPDIR'*) line="${line%%\$APPDIR*}$appdir${line#*\$APPDIR}" ;;
    esac
    case $line in
        app.classpath=*) classpath=${line#app.classpath=} ;;
        app.mainclass=*) mainclass=${line#app.mainclass=} ;;
        java-options=*) set -- "$@" "${line#java-options=}" ;;
    esac
done < "$cfg"
[ -n "$classpath" ] && [ -n "$mainclass" ] || { echo "$name: $cfg names no class path or main class" >&2; exit 1; }
set -- "$@" -Djpackage.app-path="$self" -classpath "$classpath" "$mainclass"
while [ "$count" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    count=$((count - 1))
done
# argv[0] stays this launcher: GTK names the window's class (WM_CLASS) after it, "Runlens", as with
# jpackage's launcher, which desktops use to match the window with its menu entry and icon.
# exec: the command line's exit status, signals and standard streams are the JVM's own.
exec -a "$self" "$image/lib/runtime/bin/java" "$@"
