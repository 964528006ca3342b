package dev.runlens.ui.app;

import dev.runlens.cli.Command;
import dev.runlens.cli.ExitCodes;
import javafx.application.Application;

import java.io.PrintStream;
import java.util.List;

/** The commands that open the window. */
public final class UiCommands {
    private UiCommands() {
    }

    public static List<Command> all() {
        return List.of();
    }

    /** The dashboard with no arguments. */
    public static Command dashboard() {
        return new Command() {
            @Override
            public String name() {
                return "dashboard";
            }

            @Override
            public String synopsis() {
                return "open the dashboard";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                Application.launch(RunlensApplication.class, args.toArray(new String[0]));
                return ExitCodes.OK;
            }
        };
    }
}
