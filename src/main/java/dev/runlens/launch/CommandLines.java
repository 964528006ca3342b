package dev.runlens.launch;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a picocli command the way every Runlens command behaves: bad usage is one sentence on
 * stderr after {@code runlens <command>:} and exit status 2 (the generated help is for
 * {@code --help}); a command returns its own status.
 */
public final class CommandLines {
    private CommandLines() {
    }

    /** The command line for {@code command}, writing to {@code out} and {@code err}. */
    public static CommandLine create(Object command, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setUsageHelpAutoWidth(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(CommandLines::badUsage);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UsageException) {
                return say(line, e.getMessage());
            }
            throw e;
        });
        return cl;
    }

    /** Parses {@code args}, runs the chosen command and returns its exit status. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = create(command, out, err);
        int status = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return status;
    }

    private static int badUsage(ParameterException e, String[] args) {
        return say(e.getCommandLine(), sentence(e));
    }

    private static int say(CommandLine line, String sentence) {
        line.getErr().println(prefix(line) + sentence);
        line.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** {@code runlens summary: } for a sub-command, {@code runlens: } for the root. */
    static String prefix(CommandLine line) {
        return line.getParent() == null ? "runlens: " : "runlens " + line.getCommandName() + ": ";
    }

    /** Picocli's complaint in the words the commands have always used. */
    public static String sentence(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // Only the first: a mistyped option's value may be a secret, so it is never echoed.
            String arg = u.getUnmatched().get(0);
            int eq = arg.indexOf('=');
            String shown = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (arg.startsWith("-")) {
                return "unknown option " + shown;
            }
            return e.getCommandLine().getParent() == null && !e.getCommandLine().getSubcommands().isEmpty()
                    ? "unknown command '" + arg + "' (see runlens --help)"
                    : "unexpected argument " + arg;
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<ArgSpec> missing = m.getMissing();
            String name = missing == null || missing.isEmpty() ? "an option" : name(missing.get(0));
            return m.getMessage().startsWith("Missing required parameter for option") ? name + " needs a value"
                    : name + " is required";
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException && e.getArgSpec() != null) {
            return name(e.getArgSpec()) + " " + e.getCause().getMessage();
        }
        String m = e.getMessage();
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
