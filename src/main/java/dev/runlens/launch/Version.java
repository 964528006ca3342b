package dev.runlens.launch;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from a resource filtered by Maven; also what {@code runlens --version} prints. */
public final class Version implements CommandLine.IVersionProvider {
    private static final String VALUE = load();

    public static String get() {
        return VALUE;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"runlens " + VALUE};
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/runlens/runlens.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
