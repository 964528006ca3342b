package dev.runlens.ui.launch;

import dev.runlens.launch.SubCommand;
import dev.runlens.ui.app.LaunchOptions;
import dev.runlens.ui.app.RunlensApplication;
import picocli.CommandLine.Command;

/** {@code runlens dashboard}: the window on the built-in demo, what {@code runlens} alone opens. */
@Command(name = "dashboard", description = "Open the dashboard on the built-in demo (the default with no arguments).")
public final class DashboardCommand extends SubCommand {
    @Override
    public Integer call() {
        RunlensApplication.configure(LaunchOptions.demo());
        RunlensApplication.open();
        return RunlensApplication.exitStatus();
    }
}
