package dev.runlens.cli;

import java.io.PrintStream;
import java.util.List;

/** A sub-command of {@code runlens}. Returns the process exit status. */
public interface Command {
    String name();

    /** One line for {@code --help}: arguments and what it does. */
    String synopsis();

    int run(List<String> args, PrintStream out, PrintStream err);
}
