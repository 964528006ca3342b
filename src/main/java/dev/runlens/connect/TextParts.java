package dev.runlens.connect;

import jakarta.websocket.MessageHandler;

import java.util.function.Consumer;

/**
 * The client's text handler: takes messages as Tyrus hands them over, whole or in fragments, and
 * passes each whole message on. A whole-message handler would cost Tyrus a search of its decoders
 * and a sort of the session's handlers for every frame, a tenth of the socket thread's time in a
 * firehose; here a frame that came in one piece goes straight through. Fragments are joined up to
 * {@code maxChars}, the limit Tyrus' own buffer applies in chars; past it {@code tooBig} is called
 * once and the rest of that message is dropped. Public because Tyrus calls handlers reflectively.
 * One per socket; Tyrus calls it from one thread at a time.
 */
public final class TextParts implements MessageHandler.Partial<String> {
    private final int maxChars;
    private final Consumer<String> whole;
    private final Runnable tooBig;
    private StringBuilder joined;
    private boolean dropping;

    TextParts(int maxChars, Consumer<String> whole, Runnable tooBig) {
        this.maxChars = maxChars;
        this.whole = whole;
        this.tooBig = tooBig;
    }

    @Override
    public void onMessage(String part, boolean last) {
        if (joined == null && !dropping && last) {
            whole.accept(part);
            return;
        }
        if (!dropping) {
            if (joined == null) {
                joined = new StringBuilder();
            }
            if ((long) joined.length() + part.length() > maxChars) {  // long: two large parts overflow an int
                joined = null;
                dropping = true;
                tooBig.run();
            } else {
                joined.append(part);
            }
        }
        if (last) {
            String message = joined != null ? joined.toString() : null;
            joined = null;
            dropping = false;
            if (message != null) {
                whole.accept(message);
            }
        }
    }
}
