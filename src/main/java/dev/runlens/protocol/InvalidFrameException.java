package dev.runlens.protocol;

/** Thrown inside decoders when a JSON frame breaks the protocol's rules; never escapes them. */
final class InvalidFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidFrameException(String message) {
        super(message, null, false, false);
    }
}
