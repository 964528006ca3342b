package dev.runlens.sim;

import dev.runlens.connect.LyzrUrls;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;

/**
 * A Space Operator {@code POST /…/{id}} that needs the token, answered as the server does: 413 past
 * 1 MB, 405 for another method, 401 without the token; then {@link #post} with the body and the
 * path's last segment.
 */
abstract class TokenPostHandler extends HttpHandler {
    protected final SimActions actions;

    TokenPostHandler(SimActions actions) {
        this.actions = actions;
    }

    abstract void post(Response response, byte[] body, String id) throws IOException;

    @Override
    public final void service(Request request, Response response) throws Exception {
        byte[] body = body(request);
        if (body == null) {
            OutputHandler.answer(response, 413, "{\"error\":\"payload too large\"}");
        } else if (request.getMethod() != Method.POST) {
            OutputHandler.answer(response, 405, "{\"error\":\"method not allowed\"}");
        } else if (!actions.state().acceptsToken(SimActions.token(request))) {
            OutputHandler.answer(response, 401, "{\"error\":\"unauthenticated\"}");
        } else {
            String path = request.getRequestURI();
            post(response, body, LyzrUrls.decodeSegment(path.substring(path.lastIndexOf('/') + 1)));
        }
    }

    /** The whole body (read first: a keep-alive connection must not keep unread bytes), or null past 1 MB. */
    static byte[] body(Request request) throws IOException {
        int length = request.getContentLength();
        if (length > 1 << 20) {
            return null;
        }
        if (length >= 0) {
            return request.getInputStream().readNBytes(length);
        }
        byte[] chunked = request.getInputStream().readNBytes((1 << 20) + 1); // no length: read to the end
        return chunked.length > 1 << 20 ? null : chunked;
    }
}
