package dev.runlens.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that hold what runs carried (payloads, and whatever secrets were in them): session logs,
 * exports, saved payloads, recent-connection files. They are created readable by their owner only
 * (0600), and the folders created for them 0700; folders that already exist are left as they are.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE = PosixFilePermissions.asFileAttribute(OWNER_FILE);
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    /** Files being read or recorded (absolute, normalized), with how many times each is marked. */
    private static final Map<Path, Integer> INPUTS = new ConcurrentHashMap<>();

    private PrivateFiles() {
    }

    /** Creates {@code folder} and its missing parents, each new one 0700. */
    public static void createFolders(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        Path abs = folder.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        createFolders(abs.getParent());
        try {
            if (POSIX) {
                Files.createDirectory(abs, FOLDER);
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
    }

    /**
     * Opens {@code file} for writing from its start (its folder created first). A new file is 0600;
     * an existing one is truncated and made 0600 too, since it is about to hold the new content.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        refuseInput(file, List.of());
        createFolders(file.toAbsolutePath().getParent());
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = POSIX
                ? Channels.newOutputStream(Files.newByteChannel(file, options, FILE))
                : Channels.newOutputStream(Files.newByteChannel(file, options));
        // A device or a pipe (/dev/full, a FIFO) is not ours to re-permission.
        if (POSIX && Files.isRegularFile(file)) {
            try {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            } catch (IOException e) {
                out.close();
                throw e;
            }
        }
        return out;
    }

    /**
     * Marks {@code file} as read (a log being shown) or recorded by this process until
     * {@link #releaseInput}: {@link #newOutputStream} then refuses it, so a save or an export over
     * it cannot destroy it. Marks nest.
     */
    public static void markInput(Path file) {
        INPUTS.merge(file.toAbsolutePath().normalize(), 1, Integer::sum);
    }

    public static void releaseInput(Path file) {
        INPUTS.computeIfPresent(file.toAbsolutePath().normalize(), (k, n) -> n > 1 ? n - 1 : null);
    }

    /**
     * Throws {@link OutputIsInput} when {@code target} is the same file (by path or by
     * {@link Files#isSameFile}: links, other spellings) as one of {@code inputs} or a marked input.
     */
    public static void refuseInput(Path target, Collection<Path> inputs) throws OutputIsInput {
        Path t = target.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(inputs);
        all.addAll(INPUTS.keySet());
        for (Path in : all) {
            if (sameFile(t, in.toAbsolutePath().normalize())) {
                throw new OutputIsInput(target + " is also an input (" + in + "): writing it would destroy what is being read,"
                        + " so nothing was written; choose another file");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** An output that is also an input: refused before anything is opened. */
    public static final class OutputIsInput extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputIsInput(String sentence) {
            super(sentence);
        }
    }

    /** {@link #newOutputStream} as UTF-8 text. */
    public static Writer newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as the whole content of {@code file}, 0600. */
    public static void writeString(Path file, String text) throws IOException {
        try (Writer w = newWriter(file)) {
            w.write(text);
        }
    }
}
