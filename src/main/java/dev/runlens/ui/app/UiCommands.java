package dev.runlens.ui.app;

import dev.runlens.cli.Command;

import java.io.PrintStream;
import java.util.List;

/** The commands that open the window. */
public final class UiCommands {
    private UiCommands() {
    }

    public static List<Command> all() {
        return List.of(new WatchCommand(), new OpenCommand(), dashboard());
    }

    /** The dashboard with the built-in demo: what {@code runlens} with no arguments opens. */
    public static Command dashboard() {
        return new Command() {
            @Override
            public String name() {
                return "dashboard";
            }

            @Override
            public String synopsis() {
                return "open the dashboard on the built-in demo (the default with no arguments)";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                RunlensApplication.configure(LaunchOptions.demo());
                RunlensApplication.open(args.toArray(new String[0]));
                return RunlensApplication.exitStatus();
            }
        };
    }
}
