package dev.runlens.ui.launch;

import dev.runlens.log.ReadProblem;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.SubCommand;
import dev.runlens.launch.UsageException;
import dev.runlens.replay.Playback;
import dev.runlens.ui.app.LaunchOptions;
import dev.runlens.ui.app.RunlensApplication;
import dev.runlens.ui.replay.Pace;
import dev.runlens.ui.replay.ReplayUi;

import dev.runlens.log.LogReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runlens open FILE... [--speed X|max|realtime] [--exit-when-finished] [--stats-out FILE]}:
 * the window replaying log files from their start. {@code --exit-when-finished} closes it 1 s
 * after every file is played to its end; the stats file is {@code watch}'s.
 */
@Command(name = "open", description = "Replay log files (session logs, JSON Lines, pretty JSON, arrays, HAR, gzip) in the dashboard.")
public final class OpenCommand extends SubCommand {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The logs to replay.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "X|max|realtime", converter = Speed.class,
            description = "0.25 to 16 times the recorded gaps, realtime (= 1), or max (the default).")
    Pace pace = Pace.MAX;

    @Option(names = "--exit-when-finished", description = "Close the window 1 s after every file has played to its end.")
    boolean exitWhenFinished;

    @Option(names = "--stats-out", paramLabel = "FILE", description = "Write events applied, runs and FX pulse figures at exit.")
    Path statsOut;

    /** {@code --speed}'s value. */
    public static final class Speed implements CommandLine.ITypeConverter<Pace> {
        @Override
        public Pace convert(String value) {
            return pace(value);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty()) {
            throw new UsageException("no file to open");
        }
        for (Path f : files) {
            String problem = unopenable(f);
            if (problem != null) {
                err.println("runlens open: " + problem);
                return ExitCodes.USAGE;
            }
        }
        ReplayUi.configureLaunch(pace, exitWhenFinished);
        RunlensApplication.configure(new LaunchOptions(null, files, false, statsOut, null));
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
        } catch (IOException e) {
            return ReadProblem.of(file, e);
        }
    }

    /** The pace {@code v} names; the sentence follows the option's name. */
    static Pace pace(String v) {
        return switch (v) {
            case "max" -> Pace.MAX;
            case "realtime" -> new Pace(1, false);
            default -> {
                double speed;
                try {
                    speed = Double.parseDouble(v.endsWith("x") ? v.substring(0, v.length() - 1) : v);
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException("takes a number from 0.25 to 16, realtime or max, not '" + v + "'");
                }
                if (!(speed >= Playback.MIN_SPEED && speed <= Playback.MAX_SPEED)) {
                    throw new CommandLine.TypeConversionException("must be between 0.25 and 16, not " + v);
                }
                yield new Pace(speed, false);
            }
        };
    }
}
