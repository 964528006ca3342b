package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The Node.js {@code ws} baseline of the live-ingest benchmark: copies {@code src/bench/node} to
 * {@code target/bench/node} and runs {@code npm ci} there (the lock file pins {@code ws}), so
 * nothing is installed in the source tree. Needs {@code node} and {@code npm} on the PATH.
 */
final class NodeBareClient {
    private static final Path SOURCE = Path.of("src", "bench", "node");

    private NodeBareClient() {
    }

    /** The installed script, or null (with the reason printed) when Node or npm is missing. */
    static Path install(Path benchDir) throws IOException, InterruptedException {
        Path dir = benchDir.resolve("node");
        Files.createDirectories(dir);
        for (String name : List.of("package.json", "package-lock.json", "bare-client.mjs")) {
            Files.copy(SOURCE.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("ws"))) {
            int exit;
            try {
                exit = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start().waitFor();
            } catch (IOException e) {
                System.out.println("bare Node ws client skipped: npm not found (" + e.getMessage() + ")");
                return null;
            }
            if (exit != 0) {
                System.out.println("bare Node ws client skipped: npm ci failed in " + dir + " (exit " + exit + ")");
                return null;
            }
        }
        return dir.resolve("bare-client.mjs").toAbsolutePath();
    }
}
