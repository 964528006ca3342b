package dev.runlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The class-data sharing archive of the relaunched batch JVM (decision 0017): the JDK, Jackson
 * and Runlens classes a large {@code summary} or {@code export} loads, mapped ready to use
 * instead of read, parsed and verified one by one at every start (about 0.3 s of the child's
 * start on this machine). The first relaunch after a new jar writes it when it exits
 * ({@code -XX:ArchiveClassesAtExit}); later ones map it ({@code -XX:SharedArchiveFile}). Per jar
 * (path, size, time) and JDK, in the user's cache folder, beside the window's archives (decision
 * 0016) but under its own prefix. Only for a class path that is one jar: the JVM archives no
 * classes from directories. A stale or unreadable archive is ignored by the JVM.
 */
final class BatchClassArchive {
    static final String PREFIX = "batch-";
    /** The archive's own notes (classes it skips, a stale archive ignored) are not the user's business. */
    static final List<String> QUIET = List.of("-Xlog:disable", "-Xlog:all=error:stderr");

    private final Path jar;
    private final Path archive;
    private final Path dumpTo;

    private BatchClassArchive(Path jar, Path archive, Path dumpTo) {
        this.jar = jar;
        this.archive = archive;
        this.dumpTo = dumpTo;
    }

    /** The archive for this class path and JDK, or null where none can be used. Pure apart from reading file times. */
    static BatchClassArchive of(String classPath, Path javaHome, String javaVersion, Path cacheDir, long pid) {
        if (classPath == null || cacheDir == null || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        String key;
        try {
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            key = Integer.toHexString((jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + javaHome + "|" + javaVersion).hashCode());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Path archive = cacheDir.resolve(PREFIX + key + ".jsa");
        Path dumpTo = Files.isRegularFile(archive) ? null : cacheDir.resolve(PREFIX + key + ".jsa.tmp" + pid);
        return new BatchClassArchive(jar, archive, dumpTo);
    }

    /** The JVM options that map the archive, or write it at exit when there is none yet. */
    List<String> options() {
        String share = dumpTo == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + dumpTo;
        return List.of(share, QUIET.get(0), QUIET.get(1));
    }

    /** The jar, as an absolute path: the archive holds the class path it was written with. */
    Path jar() {
        return jar;
    }

    Path archive() {
        return archive;
    }

    /** Where this relaunch writes the archive, or null when it maps an existing one. */
    Path dumpTo() {
        return dumpTo;
    }

    /** Before the child starts: the cache folder must exist for the JVM to write into it. */
    boolean prepare() {
        try {
            Files.createDirectories(archive.getParent());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * After the child: an archive written by a command that succeeded replaces this jar's older
     * batch archives; otherwise the written file is removed.
     */
    void finish(int status) {
        if (dumpTo == null) {
            return;
        }
        try {
            if (status == 0 && Files.isRegularFile(dumpTo) && Files.size(dumpTo) > 0) {
                Files.move(dumpTo, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (var old = Files.list(archive.getParent())) {
                    old.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(archive)
                            && !p.getFileName().toString().contains(".jsa.tmp")).forEach(BatchClassArchive::delete);
                }
            } else {
                Files.deleteIfExists(dumpTo);
            }
        } catch (IOException | RuntimeException e) {
            // No archive this time: the next large command writes one again.
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // In use or gone: replaced next time.
        }
    }

    /** {@code $XDG_CACHE_HOME/runlens/cds}, else {@code ~/.cache/runlens/cds} (the window's folder too). */
    static Path cacheDir(Map<String, String> env, String userHome) {
        return ClassArchiveFolder.of(env, userHome);
    }
}
