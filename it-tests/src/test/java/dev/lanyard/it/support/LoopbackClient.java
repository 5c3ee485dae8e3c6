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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests from a loopback address of the test's choosing (any of 127.0.0.0/8), so that a test can be a client
 * of its own to limits the server keeps per client address. Java's HttpClient cannot choose its local address
 * before Java 19, so this speaks HTTP/1.0 over a socket: one request per connection, no chunked answers.
 */
public final class LoopbackClient {

    private final InetAddress from;
    private final URL base;

    private LoopbackClient(InetAddress from, URL base) {
        this.from = from;
        this.base = base;
    }

    /** A client at a random loopback address nobody else in the run is likely to use. */
    public static LoopbackClient anyAddress(URL base) {
        var random = ThreadLocalRandom.current();
        try {
            return new LoopbackClient(InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 255),
                    (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)}), base);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String head, String body) {
        /** The first value of a header, whatever the case of its name. */
        public Optional<String> header(String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).trim()).findFirst();
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply post(String path, String json) {
        byte[] body = json.getBytes(UTF_8);
        String target = base.getPath() + path;
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.0\r\nHost: localhost:" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(UTF_8));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, split);
            return new Reply(Integer.parseInt(head.split(" ", 3)[1]), head, answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
