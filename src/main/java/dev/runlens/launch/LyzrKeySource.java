package dev.runlens.launch;

import dev.runlens.connect.Secret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the Lyzr API key comes from: an environment variable or a file, never an argument (every
 * user of the machine can read a process's arguments). Shared by {@code start} (run-dag) and
 * {@code record}/{@code watch} ({@link LyzrKeyOptions}: task-status reconciliation).
 */
public final class LyzrKeySource {
    public static final String DEFAULT_ENV = "LYZR_API_KEY";

    @Option(names = "--lyzr-api-key-env", paramLabel = "NAME",
            description = "Read the Lyzr API key from this environment variable (default: " + DEFAULT_ENV + ").")
    String env;

    @Option(names = "--lyzr-api-key-file", paramLabel = "FILE", description = "Read the Lyzr API key from FILE.")
    Path file;

    /** Taken only to refuse it, like {@code --token}. */
    @Option(names = "--lyzr-api-key", hidden = true, arity = "0..1", paramLabel = "KEY")
    String refused;

    /** Throws when the key was given as an argument. */
    public void refuseArgument() {
        if (refused != null) {
            throw new UsageException("an API key is never passed as an argument: put it in $" + DEFAULT_ENV
                    + ", or use --lyzr-api-key-env NAME or --lyzr-api-key-file FILE");
        }
    }

    /** Throws when both a variable and a file were named. */
    public void checkOne() {
        if (env != null && file != null) {
            throw new UsageException("use either --lyzr-api-key-env or --lyzr-api-key-file, not both");
        }
    }

    /** True when a variable or a file was named. */
    public boolean given() {
        return env != null || file != null;
    }

    /** The key file, or null. */
    public Path file() {
        return file;
    }

    /** The variable to read: the one named, else {@value #DEFAULT_ENV}. */
    public String envName() {
        return env != null ? env : DEFAULT_ENV;
    }

    /** Reads the key now; {@code needer} (run-dag, --lyzr-task-id) heads the sentence when it is not set. */
    public Secret read(Function<String, String> environment, String needer) {
        checkOne();
        if (file != null) {
            try {
                return Secret.fromFile(file);
            } catch (IOException e) {
                throw new UsageException("cannot read the Lyzr API key file " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        Secret s = Secret.fromEnvironment(envName(), environment);
        if (s == null) {
            throw new UsageException(needer + " needs the Lyzr API key: the environment variable " + envName()
                    + " is not set (or use --lyzr-api-key-file FILE)");
        }
        return s;
    }
}
