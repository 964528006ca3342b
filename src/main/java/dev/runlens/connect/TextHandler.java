package dev.runlens.connect;

import jakarta.websocket.MessageHandler;

import java.util.function.Consumer;

/**
 * A whole-text-message handler. Tyrus calls handlers reflectively and cannot reach lambdas or
 * non-public classes, so both the client and the simulator register this public one.
 */
public record TextHandler(Consumer<String> consumer) implements MessageHandler.Whole<String> {
    @Override
    public void onMessage(String text) {
        consumer.accept(text);
    }
}
