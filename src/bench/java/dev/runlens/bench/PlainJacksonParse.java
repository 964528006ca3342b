package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The floor for reading a log: a plain line-by-line Jackson parse of every line, nothing else. */
public final class PlainJacksonParse {
    private PlainJacksonParse() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long lines = 0;
        long fields = 0;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = mapper.readTree(line);
                fields += n.size();
                lines++;
            }
        }
        System.out.println(lines + " lines, " + fields + " fields");
    }
}
