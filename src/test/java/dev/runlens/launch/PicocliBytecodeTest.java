package dev.runlens.launch;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decision 0091: the picocli the build ships is compiled for Java 25, so the AOT caches can hold it. */
class PicocliBytecodeTest {
    @Test
    void picocliComesFromTheBuildsOwnClassesAsJava25Bytecode() throws IOException {
        String resource = "/picocli/CommandLine.class";
        String where = String.valueOf(CommandLine.class.getResource(resource));
        assertTrue(where.startsWith("file:") && where.contains("/target/classes/"), "picocli came from " + where);
        try (InputStream in = CommandLine.class.getResourceAsStream(resource)) {
            assertNotNull(in);
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(69, data.readUnsignedShort(), "class file major version (69 is Java 25; picocli's jar has 49)");
        }
    }
}
