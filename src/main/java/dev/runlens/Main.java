package dev.runlens;

import dev.runlens.cli.CompareCommand;
import dev.runlens.cli.DemoServerCommand;
import dev.runlens.cli.ExportCommand;
import dev.runlens.cli.RecordCommand;
import dev.runlens.cli.SearchCommand;
import dev.runlens.cli.StartCommand;
import dev.runlens.cli.StopCommand;
import dev.runlens.cli.SummaryCommand;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.Version;
import dev.runlens.ui.launch.DashboardCommand;
import dev.runlens.ui.launch.OpenCommand;
import dev.runlens.ui.launch.WatchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * The entry point of the jar and the root command: the batch commands ({@code dev.runlens.cli})
 * and the window commands ({@code dev.runlens.ui.launch}). Not an {@code Application} subclass,
 * so JavaFX starts from the classpath, and only for the commands that open a window. JVM options belong to the
 * launchers (the packaged {@code bin/Runlens} and {@code bin/runlens-cli}, the pom), not to this class.
 */
@Command(name = "runlens", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Watch Space Operator and Lyzr workflow runs live, and replay their logs.",
                "With no command, opens the dashboard on the built-in demo."},
        subcommands = {SummaryCommand.class, RecordCommand.class, ExportCommand.class, DemoServerCommand.class,
                WatchCommand.class, OpenCommand.class, DashboardCommand.class,
                StartCommand.class, StopCommand.class, CompareCommand.class, SearchCommand.class,
                HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        // The desktop entry starts the window with no arguments: it skips building the command
        // line, which costs a cold JVM 0.3-0.4 s of CPU (decision 0026).
        int status = args.length == 0 ? new DashboardCommand().call() : run(args, System.out, System.err);
        System.exit(status);
    }

    /** Runs {@code runlens args} and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new Main(), args, out, err);
    }

    /** No command: the dashboard on the built-in demo. */
    @Override
    public Integer call() {
        return new DashboardCommand().call();
    }
}
