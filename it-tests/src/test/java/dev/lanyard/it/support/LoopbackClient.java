package dev.lanyard.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Requests from a loopback address of the test's choosing (any of 127.0.0.0/8), so that a test can be a client
 * of its own to limits the server keeps per client address. Java's HttpClient cannot choose its local address
 * before Java 19, so this speaks HTTP/1.0 over a socket: one request per connection, no chunked answers.
 */
public final class LoopbackClient {

    private final InetAddress from;
    private final URL base;
    private final Optional<SSLContext> tls;

    private LoopbackClient(InetAddress from, URL base, Optional<SSLContext> tls) {
        this.from = from;
        this.base = base;
        this.tls = tls;
    }

    /**
     * A client at a random loopback address nobody else in the run is likely to use; never in 127.0.0.0/16, so
     * never 127.0.0.1, which tests may trust as their proxy's address.
     */
    public static LoopbackClient anyAddress(URL base) {
        var random = ThreadLocalRandom.current();
        try {
            return new LoopbackClient(
                    InetAddress.getByAddress(new byte[] {
                        127, (byte) random.nextInt(2, 255), (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)
                    }),
                    base,
                    Optional.empty());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same client speaking HTTPS, trusting what {@code tls} trusts and checking the host name. */
    public LoopbackClient overTls(SSLContext context) {
        return new LoopbackClient(from, base, Optional.of(context));
    }

    /** The address the requests come from, as the server's socket sees it. */
    public String address() {
        return from.getHostAddress();
    }

    public record Reply(int status, String head, String body) {
        /** The first value of a header, whatever the case of its name. */
        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** Every value of one header, in order. */
        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return Arrays.stream(head.split("\r\n"))
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** One request; each header is a whole line such as {@code "X-Forwarded-For: 203.0.113.9"}. */
    public Reply send(String method, String path, String json, String... headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(UTF_8);
        String target = base.getPath() + path;
        // A Host line among the headers replaces the default one, as any client can send what it likes.
        boolean ownHost = Arrays.stream(headers).anyMatch(header -> header.regionMatches(true, 0, "Host:", 0, 5));
        var head = new StringBuilder(method + " " + target + " HTTP/1.0\r\n"
                + (ownHost ? "" : "Host: localhost:" + base.getPort() + "\r\n") + "Accept: application/json\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (var plain = new Socket()) {
            plain.bind(new InetSocketAddress(from, 0));
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()), 10_000);
            plain.setSoTimeout(30_000);
            Socket socket = plain;
            if (tls.isPresent()) {
                var secure =
                        (SSLSocket) tls.get().getSocketFactory().createSocket(plain, "localhost", base.getPort(), true);
                var parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                socket = secure;
            }
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(UTF_8));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String replyHead = answer.substring(0, split);
            return new Reply(Integer.parseInt(replyHead.split(" ", 3)[1]), replyHead, answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
