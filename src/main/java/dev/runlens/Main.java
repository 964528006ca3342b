package dev.runlens;

import dev.runlens.cli.Cli;
import dev.runlens.cli.Command;
import dev.runlens.ui.app.UiCommands;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the jar. Not an {@code Application} subclass, so JavaFX starts from the
 * classpath; the window is only loaded for the commands that need one. JVM options belong to the
 * launchers (the packaged {@code bin/Runlens} and {@code bin/runlens-cli}, the pom for
 * {@code javafx:run}), not to this class.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<Command> commands = new ArrayList<>(Cli.coreCommands());
        commands.addAll(UiCommands.all());
        int status = args.length == 0
                ? UiCommands.dashboard().run(List.of(), System.out, System.err)
                : new Cli(commands).run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
