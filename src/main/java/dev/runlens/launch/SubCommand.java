package dev.runlens.launch;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * What every sub-command of {@code runlens} has: {@code -h, --help} ({@code --version} is the
 * root's alone) and picocli's model of the command, whose command line holds its output and error
 * writers. A command extends it and returns its exit status from {@code call()}.
 */
public abstract class SubCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    protected CommandSpec spec;

    /** Whether {@code --help} was given (for code that parses without executing). */
    public boolean helpRequested() {
        return help;
    }
}
