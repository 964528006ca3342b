package dev.runlens.ui.notify;

import org.freedesktop.dbus.bin.EmbeddedDBusDaemon;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

import java.nio.file.Path;

/**
 * A real D-Bus daemon (dbus-java's embedded one) on a unix socket in a test folder, and, when asked,
 * a notification service on it: a real {@code org.freedesktop.Notifications} owner that records the
 * calls it gets. No desktop and no session bus of the machine are involved.
 */
final class PrivateBus implements AutoCloseable {
    private final EmbeddedDBusDaemon daemon;
    private final String address;
    private DBusConnection serviceConnection;

    PrivateBus(Path dir) throws Exception {
        address = "unix:path=" + dir.resolve("bus");
        daemon = new EmbeddedDBusDaemon(address + ",listen=true");
        daemon.startInBackgroundAndWait(10_000);
        // That wait ends when the socket is bound, which can be before the daemon's own thread marks it
        // running; a client accepted in between is dropped and its Hello fails with "Disconnected".
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!daemon.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the embedded D-Bus daemon did not start within 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** The address clients connect to. */
    String address() {
        return address;
    }

    /** Exports {@code service} under the notification service's well-known name and path. */
    RecordingNotificationService serve(RecordingNotificationService service) throws DBusException {
        serviceConnection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        serviceConnection.requestBusName(DesktopNotifications.BUS_NAME);
        serviceConnection.exportObject(DesktopNotifications.OBJECT_PATH, service);
        return service;
    }

    /** Sends the signal a desktop sends when the user clicks notification {@code id}. */
    void click(long id, String action) throws DBusException {
        serviceConnection.sendMessage(new DesktopNotifications.ActionInvoked(DesktopNotifications.OBJECT_PATH,
                new org.freedesktop.dbus.types.UInt32(id), action));
    }

    @Override
    public void close() throws java.io.IOException {
        if (serviceConnection != null) {
            serviceConnection.close();
        }
        daemon.close();
    }
}
