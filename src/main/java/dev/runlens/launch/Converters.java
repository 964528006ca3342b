package dev.runlens.launch;

import dev.runlens.connect.ProtocolChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The option values the connection commands share. A converter's message follows the option's
 * name ({@code --idle-timeout needs a positive number, not '-3'}), see {@link CommandLines}.
 */
public final class Converters {
    private Converters() {
    }

    /** A positive number of seconds, fractions allowed. */
    public static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofMillis((long) (positive(value) * 1000));
        }
    }

    /** A message limit in MB (at most 2000), as bytes. */
    public static final class Megabytes implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            double mb = positive(value);
            if (mb > 2000) {
                throw new TypeConversionException("is at most 2000");
            }
            return (long) (mb * 1024 * 1024);
        }
    }

    /** A protocol by its command-line id. */
    public static final class Protocol implements ITypeConverter<ProtocolChoice> {
        @Override
        public ProtocolChoice convert(String value) {
            ProtocolChoice p = ProtocolChoice.ofId(value);
            if (p == null) {
                throw new TypeConversionException("is one of " + String.join(", ", new ProtocolIds()));
            }
            return p;
        }
    }

    /** The protocol ids, for the help and the shell completion. */
    public static final class ProtocolIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ProtocolChoice.values()).map(ProtocolChoice::id).iterator();
        }
    }

    static double positive(String value) {
        try {
            double d = Double.parseDouble(value);
            if (!(d > 0) || d > 1e9) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a positive number, not '" + value + "'");
        }
    }
}
