package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupProbeTest {

    @Test
    void reportStartsWithTheFirstFrameThenListsThePhasesInOrder() {
        String before = System.getProperty(StartupProbe.PROPERTY);
        System.setProperty(StartupProbe.PROPERTY, "probe.txt");
        try {
            StartupProbe.mark("phase-a");
            StartupProbe.mark("phase-b");
            String[] lines = StartupProbe.report(1234).split("\n");
            assertEquals("1234", lines[0]);
            int a = indexOf(lines, "phase-a ");
            int b = indexOf(lines, "phase-b ");
            assertTrue(a > 0 && b > a, "phases after the first line, in order: " + String.join("|", lines));
            String[] fields = lines[a].split(" ");
            assertEquals(3, fields.length, "phase, milliseconds, CPU milliseconds: " + lines[a]);
            assertTrue(Long.parseLong(fields[1]) >= 0, "milliseconds since the process started: " + lines[a]);
            assertTrue(Long.parseLong(fields[2]) >= 0, "the marking thread's CPU milliseconds: " + lines[a]);
        } finally {
            if (before == null) {
                System.clearProperty(StartupProbe.PROPERTY);
            } else {
                System.setProperty(StartupProbe.PROPERTY, before);
            }
        }
    }

    @Test
    void marksNothingWhenTheProbeIsNotRequested() {
        String before = System.getProperty(StartupProbe.PROPERTY);
        System.clearProperty(StartupProbe.PROPERTY);
        try {
            StartupProbe.mark("unrequested");
            assertTrue(!StartupProbe.report(1).contains("unrequested"), "no phase noted without the property");
        } finally {
            if (before != null) {
                System.setProperty(StartupProbe.PROPERTY, before);
            }
        }
    }

    @Test
    void theOriginIsTheStartersEpochMillisecondsWhenItGivesThem() {
        assertEquals(java.util.Optional.of(java.time.Instant.ofEpochMilli(1_796_545_508_083L)), StartupProbe.origin("1796545508083"));
        assertTrue(StartupProbe.origin(null).isEmpty());
        assertTrue(StartupProbe.origin("soon").isEmpty(), "not a number: the process's own start instead");
    }

    private static int indexOf(String[] lines, String prefix) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
