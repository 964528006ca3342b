package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifier against a real D-Bus daemon on a private socket, with a real notification service on it. */
class DesktopNotifierTest {
    private static final Logger LOG = Logger.getLogger(DesktopNotifier.class.getName());
    @TempDir
    Path dir;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final BlockingQueue<RunRef> clicked = new LinkedBlockingQueue<>();
    private DesktopNotifier notifier;
    private PrivateBus bus;

    @BeforeEach
    void listen() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void close() throws Exception {
        LOG.removeHandler(capture);
        if (notifier != null) {
            notifier.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    static RunOutcome finished(String id) {
        return new RunOutcome(new RunRef(Source.SPACE_OPERATOR, id), false, "run " + id, "4 executions");
    }

    static RunOutcome failed(String id, String error) {
        return new RunOutcome(new RunRef(Source.SPACE_OPERATOR, id), true, "run " + id, error);
    }

    @Test
    void runsEndingTogetherMakeOneNotificationThatLaterEndsReplace() throws Exception {
        bus = new PrivateBus(dir);
        RecordingNotificationService service = bus.serve(new RecordingNotificationService());
        notifier = new DesktopNotifier(bus.address(), clicked::add);
        notifier.announce(finished("a"));
        notifier.announce(failed("b", "Division by zero"));
        notifier.announce(finished("c"));
        notifier.announce(finished("d"));

        RecordingNotificationService.Call first = service.next();
        assertNotNull(first, "no Notify call reached the service");
        assertEquals("Runlens", first.appName());
        assertEquals(0, first.replacesId(), "a new notification");
        assertEquals("3 runs finished, 1 failed", first.summary());
        assertEquals("run b failed: Division by zero", first.body(), "the newest failure is named");
        assertEquals(List.of("default", "Show the run"), first.actions());
        assertEquals((byte) 2, first.hints().get("urgency").getValue(), "a failure is critical");
        assertNull(service.next(800), "four runs ending together make one notification");

        notifier.announce(finished("e"));
        RecordingNotificationService.Call second = service.next();
        assertNotNull(second);
        assertEquals(first.returnedId(), second.replacesId(), "the next run replaces the notification");
        assertEquals("4 runs finished, 1 failed", second.summary());

        // Once the operator looked at the window, the next run starts a new notification.
        notifier.windowFocused();
        notifier.announce(finished("f"));
        RecordingNotificationService.Call third = service.next();
        assertNotNull(third);
        assertEquals(0, third.replacesId());
        assertEquals("1 run finished", third.summary());
        assertEquals("run f finished: 4 executions", third.body());
        assertEquals((byte) 1, third.hints().get("urgency").getValue());
        assertTrue(logged.isEmpty(), logged.toString());
    }

    @Test
    void clickingTheNotificationHandsOverItsRun() throws Exception {
        bus = new PrivateBus(dir);
        RecordingNotificationService service = bus.serve(new RecordingNotificationService());
        notifier = new DesktopNotifier(bus.address(), clicked::add);
        notifier.announce(failed("b", "Division by zero"));
        notifier.announce(finished("c"));
        RecordingNotificationService.Call call = service.next();
        assertNotNull(call);

        bus.click(call.returnedId() + 100, "default");
        bus.click(call.returnedId(), "snooze");
        assertNull(clicked.poll(500, TimeUnit.MILLISECONDS), "another notification's click, or another action, opens nothing");
        bus.click(call.returnedId(), "default");
        assertEquals(new RunRef(Source.SPACE_OPERATOR, "b"), clicked.poll(10, TimeUnit.SECONDS), "the newest failure opens");
    }

    @Test
    void withoutASessionBusNothingBreaksAndOneLineIsLogged() throws Exception {
        notifier = new DesktopNotifier(null, clicked::add);
        notifier.announce(finished("a"));
        waitUntilOff();
        assertEquals(List.of("Desktop notifications are off: there is no session bus (DBUS_SESSION_BUS_ADDRESS is not set)."), logged);
    }

    @Test
    void aSessionBusThatIsGoneMakesOneLineAndNoRetries() throws Exception {
        notifier = new DesktopNotifier("unix:path=" + dir.resolve("gone") + ",guid=0123", clicked::add);
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            notifier.announce(finished("r" + i));
        }
        assertTrue(System.nanoTime() - start < 200_000_000L, "announcing never waits for the bus");
        waitUntilOff();
        notifier.announce(finished("later"));
        Thread.sleep(DesktopNotifier.GATHER_MILLIS + 300);
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("Desktop notifications are off: there is no session bus at unix:path="), logged.get(0));
        assertTrue(logged.get(0).endsWith("(no such socket)."), logged.get(0));
    }

    @Test
    void aBusAddressDbusJavaCannotUseMakesOneLine() throws Exception {
        notifier = new DesktopNotifier("tcp:host=127.0.0.1,port=9", clicked::add);
        notifier.announce(finished("a"));
        waitUntilOff();
        notifier.announce(finished("b"));
        Thread.sleep(DesktopNotifier.GATHER_MILLIS + 300);
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("Desktop notifications are off: could not connect to the session bus at tcp:"), logged.get(0));
    }

    @Test
    void aBusWithoutANotificationServiceMakesOneLine() throws Exception {
        bus = new PrivateBus(dir);
        notifier = new DesktopNotifier(bus.address(), clicked::add);
        notifier.announce(failed("b", "boom"));
        waitUntilOff();
        notifier.announce(failed("c", "boom"));
        Thread.sleep(DesktopNotifier.GATHER_MILLIS + 300);
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("Desktop notifications are off: the notification service did not answer"), logged.get(0));
    }

    private void waitUntilOff() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!notifier.isOff()) {
            assertTrue(System.nanoTime() < deadline, "the notifier never gave up");
            Thread.sleep(50);
        }
    }
}
