package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowJvmTest {

    @Test
    void liveWindowsCompileWithC1AndReplaysKeepTieredCompilation() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), WindowJvm.options(new String[0]));
        assertEquals(WindowJvm.LIVE, WindowJvm.options(new String[] {"watch", "--url", "ws://127.0.0.1:1/ws"}));
        assertEquals(WindowJvm.LIVE, WindowJvm.options(new String[] {"dashboard"}));
        assertEquals(List.of(), WindowJvm.options(new String[] {"open", "run.jsonl"}));
    }

    @Test
    void javafxRunStartsTheDashboardWithTheSameOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String plugin = pom.substring(pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>"));
        String options = plugin.substring(plugin.indexOf("<options>"), plugin.indexOf("</options>"));
        for (String o : WindowJvm.LIVE) {
            assertTrue(options.contains("<option>" + o + "</option>"), "javafx:run lacks " + o);
        }
    }
}
