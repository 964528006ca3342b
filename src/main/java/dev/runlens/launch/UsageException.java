package dev.runlens.launch;

/**
 * Bad usage found after parsing (options that do not go together, an unset variable): printed
 * as one sentence after the command's name, exit status 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String sentence) {
        super(sentence, null, false, false);
    }
}
