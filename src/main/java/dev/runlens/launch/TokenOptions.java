package dev.runlens.launch;

import dev.runlens.connect.Secret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the server's token comes from: an environment variable or a file, never an argument
 * (every user of the machine can read a process's arguments).
 */
public final class TokenOptions {
    public static final String DEFAULT_ENV = "RUNLENS_TOKEN";

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "Read the token from this environment variable (default: " + DEFAULT_ENV + ").")
    String env;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token from the first non-blank line of FILE.")
    Path file;

    /** Taken only to refuse it with a sentence that says where a token goes instead. */
    @Option(names = "--token", hidden = true, arity = "0..1", paramLabel = "TOKEN")
    String refused;

    /** Throws when the options contradict themselves or a token was given as an argument. */
    public void check() {
        if (refused != null) {
            throw new UsageException("a token is never passed as an argument: put it in $" + DEFAULT_ENV
                    + ", or use --token-env NAME or --token-file FILE");
        }
        if (env != null && file != null) {
            throw new UsageException("use either --token-env or --token-file, not both");
        }
    }

    /** The variable to read: the one named, else {@value #DEFAULT_ENV}. */
    public String envName() {
        return env != null ? env : DEFAULT_ENV;
    }

    /** The token file, or null. */
    public Path file() {
        return file;
    }

    /** Throws when a variable was named explicitly and is not set. */
    public void checkSet(Function<String, String> environment) {
        check();
        if (file == null && env != null && Secret.fromEnvironment(env, environment) == null) {
            throw new UsageException("the environment variable " + env + " is not set");
        }
    }

    /** Where the token was looked for, when none was found: for {@link MissingToken}. */
    public String whereLooked() {
        if (file != null) {
            return "the token file " + file + " holds no token";
        }
        return "the environment variable " + envName() + " is not set (or use --token-env NAME or --token-file FILE)";
    }

    /** The token read now, or null when none is set and none was asked for. */
    public Secret secret(Function<String, String> environment) {
        checkSet(environment);
        if (file != null) {
            try {
                return Secret.fromFile(file);
            } catch (IOException e) {
                throw new UsageException("cannot read the token file " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Secret.fromEnvironment(envName(), environment);
    }
}
