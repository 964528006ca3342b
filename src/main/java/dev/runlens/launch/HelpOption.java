package dev.runlens.launch;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every command; {@code --version} is the root's alone. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Whether {@code --help} was given (for code that parses without executing). */
    public boolean requested() {
        return help;
    }
}
