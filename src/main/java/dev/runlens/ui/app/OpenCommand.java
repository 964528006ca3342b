package dev.runlens.ui.app;

import dev.runlens.cli.Command;
import dev.runlens.cli.ExitCodes;
import dev.runlens.replay.Playback;
import dev.runlens.ui.replay.Pace;
import dev.runlens.ui.replay.ReplayUi;

import dev.runlens.log.LogFormatException;
import dev.runlens.log.LogReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runlens open FILE... [--speed X|max|realtime] [--exit-when-finished] [--stats-out FILE]}:
 * the window replaying log files from their start. {@code --exit-when-finished} closes it 1 s
 * after every file is played to its end; the stats file is {@code watch}'s.
 */
final class OpenCommand implements Command {
    static final String USAGE = "Usage: runlens open FILE... [--speed X|max|realtime] [--exit-when-finished] [--stats-out FILE]\n"
            + "Replays log files (session logs, JSON Lines, pretty JSON, arrays, HAR, gzip) in the dashboard.\n"
            + "--speed: 0.25 to 16 times the recorded gaps, realtime (= 1), or max (default).\n";

    /** The parsed command line. */
    record Options(List<Path> files, Pace pace, boolean exitWhenFinished, Path statsOut) {
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String synopsis() {
        return "FILE... [--speed X|max|realtime] [--exit-when-finished] [--stats-out FILE]   replay logs in the dashboard";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("runlens open: " + e.getMessage());
            err.print(USAGE);
            return ExitCodes.USAGE;
        }
        if (o == null) {
            out.print(USAGE);
            return ExitCodes.OK;
        }
        for (Path f : o.files()) {
            String problem = unopenable(f);
            if (problem != null) {
                err.println("runlens open: " + problem);
                return ExitCodes.USAGE;
            }
        }
        ReplayUi.configureLaunch(o.pace(), o.exitWhenFinished());
        RunlensApplication.configure(new LaunchOptions(null, o.files(), false, o.statsOut(), null));
        RunlensApplication.open();
        // Damage found while reading (a truncated gzip or array, no frames at all) ends like a refused file.
        List<String> failures = ReplayUi.launchFailures();
        if (!failures.isEmpty()) {
            err.println("runlens open: " + failures.get(0));
            return ExitCodes.USAGE;
        }
        return RunlensApplication.exitStatus();
    }

    /**
     * Why {@code file} cannot be opened at all (missing, unreadable, empty, not a log), as one
     * sentence like {@code summary}'s, or null. Only the start of the file is read: damage further
     * on is found while the window indexes it.
     */
    static String unopenable(Path file) {
        try {
            LogReader.open(file);
            return null;
        } catch (NoSuchFileException e) {
            return file + ": no such file";
        } catch (AccessDeniedException e) {
            return file + ": permission denied";
        } catch (LogFormatException e) {
            return e.getMessage();
        } catch (IOException e) {
            return file + ": cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Null for {@code --help}; throws with a plain message on bad usage. */
    static Options parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        Pace pace = Pace.MAX;
        boolean exit = false;
        Path stats = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--exit-when-finished" -> exit = true;
                case "--speed", "--stats-out" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args.get(++i);
                    if (a.equals("--speed")) {
                        pace = pace(v);
                    } else {
                        stats = Path.of(v);
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to open");
        }
        return new Options(files, pace, exit, stats);
    }

    static Pace pace(String v) {
        switch (v) {
            case "max":
                return Pace.MAX;
            case "realtime":
                return new Pace(1, false);
            default:
                double speed;
                try {
                    speed = Double.parseDouble(v.endsWith("x") ? v.substring(0, v.length() - 1) : v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--speed takes a number from 0.25 to 16, realtime or max, not '" + v + "'");
                }
                if (!(speed >= Playback.MIN_SPEED && speed <= Playback.MAX_SPEED)) {
                    throw new IllegalArgumentException("--speed must be between 0.25 and 16, not " + v);
                }
                return new Pace(speed, false);
        }
    }
}
