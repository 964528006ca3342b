package dev.runlens.connect;

import jakarta.websocket.MessageHandler;

import java.util.function.Consumer;

/**
 * A whole-text-message handler, for the simulator's sockets (the client takes parts: {@link TextParts}).
 * Tyrus calls handlers reflectively and cannot reach lambdas or non-public classes, so this one is public.
 */
public record TextHandler(Consumer<String> consumer) implements MessageHandler.Whole<String> {
    @Override
    public void onMessage(String text) {
        consumer.accept(text);
    }
}
