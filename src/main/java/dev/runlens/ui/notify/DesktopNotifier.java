package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Desktop notifications through the session bus's {@code org.freedesktop.Notifications} service
 * (dbus-java, decision 0046). Everything D-Bus happens on one thread of its own: the caller (the FX
 * thread) only hands over outcomes and returns. Runs ending close together make one notification,
 * replaced as more end ({@link NotificationBurst}). A click on it ({@code ActionInvoked}, action
 * "default") hands its run to {@code onClick}, on the notifier's thread. Without a session bus, or
 * without a notification service, one line goes to the log and the notifier stays quiet: no
 * retries, no dialogs. It connects only when it first has something to say.
 */
public final class DesktopNotifier implements AutoCloseable {
    /** How long the notifier gathers runs ending together before it speaks. */
    static final long GATHER_MILLIS = 400;
    private static final Logger LOG = Logger.getLogger(DesktopNotifier.class.getName());
    private final String address;
    private final Consumer<RunRef> onClick;
    private final ScheduledThreadPoolExecutor worker =
            new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("runlens-notify").daemon().factory());
    private final NotificationBurst burst = new NotificationBurst();
    private DBusConnection connection;
    private DesktopNotifications service;
    private boolean off;
    private boolean gathering;

    /**
     * A notifier for the bus at {@code address} (a D-Bus address such as {@code unix:path=$XDG_RUNTIME_DIR/bus});
     * null or blank means there is no session bus.
     */
    public DesktopNotifier(String address, Consumer<RunRef> onClick) {
        this.address = address;
        this.onClick = onClick;
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A live run ended while the window was not focused. Returns at once. */
    public void announce(RunOutcome outcome) {
        run(() -> {
            burst.add(outcome, System.currentTimeMillis());
            if (!gathering) {
                gathering = true;
                worker.schedule(this::flush, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The operator is looking at the window: the next run that ends starts a new notification. */
    public void windowFocused() {
        run(burst::end);
    }

    private void flush() {
        gathering = false;
        if (off || burst.isEmpty() || !connected()) {
            return;
        }
        try {
            Map<String, Variant<?>> hints = Map.of("urgency", new Variant<>((byte) (burst.anyFailed() ? 2 : 1)),
                    "category", new Variant<>("x-runlens.run"));
            UInt32 id = service.show("Runlens", new UInt32(burst.replacesId()), "", burst.summary(), burst.body(),
                    List.of(DesktopNotifications.DEFAULT_ACTION, "Show the run"), hints, -1);
            burst.sent(id.longValue(), System.currentTimeMillis());
        } catch (RuntimeException e) {
            // ServiceUnknown: nobody owns org.freedesktop.Notifications and it cannot be started.
            turnOff("the notification service did not answer (" + e.getMessage() + ")");
        }
    }

    private boolean connected() {
        if (connection != null) {
            return true;
        }
        if (address == null || address.isBlank()) {
            turnOff("there is no session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
            return false;
        }
        Path socket = socketPath(address);
        if (socket != null && !Files.exists(socket)) {
            // A session that ended left its address behind: dbus-java would take 10 s to say so.
            turnOff("there is no session bus at " + address + " (no such socket)");
            return false;
        }
        try {
            connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            service = connection.getRemoteObject(DesktopNotifications.BUS_NAME, DesktopNotifications.OBJECT_PATH,
                    DesktopNotifications.class);
            connection.addSigHandler(DesktopNotifications.ActionInvoked.class, this::onAction);
            return true;
        } catch (Exception | LinkageError e) {
            // LinkageError: a runtime image without a module dbus-java needs (jdk.security.auth).
            turnOff("could not connect to the session bus at " + address + " (" + (e instanceof LinkageError ? e.toString() : e.getMessage()) + ")");
            return false;
        }
    }

    /** The socket file of a {@code unix:path=} address, or null for other kinds of address. */
    static Path socketPath(String address) {
        if (!address.startsWith("unix:path=")) {
            return null;
        }
        String path = address.substring("unix:path=".length());
        int comma = path.indexOf(',');
        return Path.of(comma < 0 ? path : path.substring(0, comma));
    }

    /** Called on a dbus-java thread. */
    private void onAction(DesktopNotifications.ActionInvoked signal) {
        if (!DesktopNotifications.DEFAULT_ACTION.equals(signal.actionKey())) {
            return;
        }
        long id = signal.id().longValue();
        run(() -> {
            RunRef ref = burst.target(id);
            if (ref != null) {
                onClick.accept(ref);
            }
        });
    }

    private void turnOff(String why) {
        off = true;
        LOG.info("Desktop notifications are off: " + why + ".");
        closeConnection();
    }

    private void closeConnection() {
        DBusConnection c = connection;
        connection = null;
        service = null;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing a bus connection that already broke is nothing to report.
            }
        }
    }

    private void run(Runnable task) {
        if (!worker.isShutdown()) {
            worker.execute(task);
        }
    }

    /** Disconnects on the notifier's thread and stops it; returns at once. */
    @Override
    public void close() {
        run(() -> {
            off = true;
            closeConnection();
        });
        worker.shutdown();
    }

    /** True once the notifier gave up (no bus, no service); for tests and the log. */
    boolean isOff() throws Exception {
        return worker.submit(() -> off).get(10, TimeUnit.SECONDS);
    }
}
