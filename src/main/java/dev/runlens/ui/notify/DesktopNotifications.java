package dev.runlens.ui.notify;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/**
 * The part of the freedesktop notification interface Runlens uses
 * (https://specifications.freedesktop.org/notification-spec/), as dbus-java maps it: the desktop's
 * notification service owns {@link #BUS_NAME} and serves it at {@link #OBJECT_PATH}.
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface DesktopNotifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";
    /** The action a click on the notification's body invokes. */
    String DEFAULT_ACTION = "default";

    /**
     * Shows a notification, or replaces notification {@code replacesId} when it is not 0; returns its id.
     * {@code actions} alternate keys and labels; {@code expireTimeout} -1 leaves it to the server.
     */
    @DBusMemberName("Notify")
    UInt32 show(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints, int expireTimeout);

    /** Sent by the service when the user invoked an action (a click: {@link #DEFAULT_ACTION}) of notification {@code id}. */
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 id() {
            return id;
        }

        public String actionKey() {
            return actionKey;
        }
    }
}
