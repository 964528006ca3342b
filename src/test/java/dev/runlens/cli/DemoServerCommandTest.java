package dev.runlens.cli;

import dev.runlens.Main;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoServerCommandTest {

    @Test
    void printsWhereToConnectAndLiveRunsThatCanBeRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        int[] status = {-1};
        Thread server = new Thread(() -> status[0] = CommandLines.execute(new DemoServerCommand(stop), new String[] {"--port", "0"}, print, print));
        server.start();
        try {
            // Lyzr runs are listed after the Space Operator ones, in the same pass.
            String text = awaitOutput(out, "Lyzr run (starts when you connect): ");
            Matcher url = Pattern.compile("Space Operator URL: (ws://127\\.0\\.0\\.1:\\d+/ws)").matcher(text);
            Matcher key = Pattern.compile("demo API key[^:]*: (b3-\\S+)").matcher(text);
            Matcher run = Pattern.compile("live Space Operator run: (\\S+)").matcher(text);
            assertTrue(url.find() && key.find() && run.find(), text);
            assertTrue(text.contains("Lyzr run (starts when you connect): ws://127.0.0.1:"), text);
            assertTrue(text.contains("Lyzr API (POST /run-dag/, GET /task-status/{task_id}, x-api-key: the demo key): http://127.0.0.1:"), text);
            URI.create(url.group(1));
        } finally {
            stop.countDown();
            server.join(10_000);
        }
        assertEquals(ExitCodes.OK, status[0]);
    }

    @Test
    void badPortIsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, CommandLines.execute(new DemoServerCommand(), new String[] {"--port", "70000"}, p, p));
        assertEquals(ExitCodes.USAGE, CommandLines.execute(new DemoServerCommand(), new String[] {"--what"}, p, p));
    }

    @Test
    void bothCommandsAreRegistered() {
        Set<String> names = CommandLines.create(new Main(), System.out, System.err).getSubcommands().keySet();
        assertTrue(names.containsAll(List.of("summary", "record", "demo-server")), names::toString);
    }

    private static String awaitOutput(ByteArrayOutputStream out, String marker) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.contains(marker)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + marker + "' in: " + out.toString(StandardCharsets.UTF_8));
    }
}
