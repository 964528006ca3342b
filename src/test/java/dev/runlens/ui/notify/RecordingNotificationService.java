package dev.runlens.ui.notify;

import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A notification service as the specification describes it, keeping each Notify call for the test to read. */
final class RecordingNotificationService implements DesktopNotifications {
    /** One Notify call as the service received it. */
    record Call(String appName, long replacesId, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints, long returnedId) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final AtomicLong nextId = new AtomicLong(41);

    @Override
    public UInt32 show(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                       Map<String, Variant<?>> hints, int expireTimeout) {
        // "If replaces_id is not 0, the returned value is the same value as replaces_id."
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : nextId.incrementAndGet();
        calls.add(new Call(appName, replacesId.longValue(), summary, body, List.copyOf(actions), Map.copyOf(hints), id));
        return new UInt32(id);
    }

    /** The next call, waiting up to 10 s; null when none came. */
    Call next() throws InterruptedException {
        return calls.poll(10, TimeUnit.SECONDS);
    }

    /** The next call if one comes within {@code millis}. */
    Call next(long millis) throws InterruptedException {
        return calls.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }
}
