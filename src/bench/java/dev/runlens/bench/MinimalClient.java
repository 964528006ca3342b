package dev.runlens.bench;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The transport floor for the live-ingest benchmark: a bare Tyrus client that authenticates,
 * subscribes, and counts and discards every frame until FlowFinish. No decoding, no recording.
 * Usage: MinimalClient URL TOKEN FLOW_RUN_ID
 */
public final class MinimalClient {
    private MinimalClient() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] frames = {0};
        ClientManager client = ClientManager.createClient(GrizzlyClientContainer.class.getName());
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, 64 * 1024 * 1024);
        client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.setMaxTextMessageBufferSize(64 * 1024 * 1024);
                session.addMessageHandler(new MessageHandler.Whole<String>() {
                    @Override
                    public void onMessage(String text) {
                        frames[0]++;
                        if (text.contains("\"FlowFinish\"")) {
                            done.countDown();
                        }
                    }
                });
                try {
                    session.getBasicRemote().sendText("{\"id\":1,\"method\":\"Authenticate\",\"params\":{\"token\":\"" + args[1] + "\"}}");
                    session.getBasicRemote().sendText("{\"id\":2,\"method\":\"SubscribeFlowRunEvents\",\"params\":{\"flow_run_id\":\"" + args[2] + "\"}}");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, ClientEndpointConfig.Builder.create().build(), URI.create(args[0]));
        if (!done.await(10, TimeUnit.MINUTES)) {
            System.err.println("no FlowFinish after " + frames[0] + " frames");
            System.exit(1);
        }
        System.out.println(frames[0] + " frames");
        client.shutdown();
        System.exit(0);
    }
}
