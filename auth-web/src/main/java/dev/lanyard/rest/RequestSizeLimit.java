package dev.lanyard.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API request needs a large body: anything over 64 KiB is refused with 413 before it is parsed. A report of
 * exposed credentials may list a thousand strings, so it may send 256 KiB.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;
    private static final String CREDENTIAL_REPORTS = "credentials/revoke";
    private static final int MAX_REPORT_BYTES = 256 * 1024;

    /** The largest body a path takes, the path relative to the API's root or as OpenAPI names it. */
    static int maxBytes(String path) {
        return path.endsWith(CREDENTIAL_REPORTS) ? MAX_REPORT_BYTES : MAX_BYTES;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        int max = maxBytes(request.getUriInfo().getPath());
        if (request.getLength() > max) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), max));
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Counts what a body without Content-Length actually sends. */
    private static final class LimitedStream extends FilterInputStream {
        private final int max;
        private long read;

        LimitedStream(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge();
            }
        }
    }
}
