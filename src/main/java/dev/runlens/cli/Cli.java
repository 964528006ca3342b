package dev.runlens.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches {@code runlens <command>}; {@code --help} and {@code --version} are handled here. */
public final class Cli {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** The commands that need no window. */
    public static List<Command> coreCommands() {
        List<Command> list = new ArrayList<>();
        list.add(new SummaryCommand());
        list.add(new RecordCommand());
        list.add(new ExportCommand());
        list.add(new DemoServerCommand());
        return list;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(help());
            return ExitCodes.OK;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println("runlens " + Version.get());
            return ExitCodes.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("runlens: unknown command '" + args[0] + "' (see runlens --help)");
            return ExitCodes.USAGE;
        }
        return command.run(Arrays.asList(args).subList(1, args.length), out, err);
    }

    public String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Runlens ").append(Version.get())
                .append(": watch Space Operator and Lyzr workflow runs live, and replay their logs.\n\n");
        sb.append("Usage: runlens [command] [options]\n");
        sb.append("       With no command, opens the dashboard on the built-in demo.\n\nCommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-12s %s%n", c.name(), c.synopsis()));
        }
        sb.append("\n  --help       this text\n  --version    print the version\n");
        return sb.toString();
    }
}
