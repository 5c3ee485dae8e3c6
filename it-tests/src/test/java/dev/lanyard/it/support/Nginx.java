package dev.lanyard.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.devserver.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx as the reverse proxy in front of a cluster's nodes, configured as docs/operations.md's "Running a
 * cluster" shows it, on free loopback ports: plain HTTP, and HTTPS with a certificate made for the run (TLS ends
 * at nginx, the nodes speak plain HTTP). Its prefix, configuration and logs live in a directory of the test's.
 * When nginx is missing it is installed with apt-get, as the browser tests install Chromium.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    private final int httpPort;
    private final int httpsPort;

    private Nginx(Process process, Path prefix, int httpPort, int httpsPort) {
        this.process = process;
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Starts nginx in the foreground, balancing over {@code nodes}, and waits until both its ports accept. */
    public static Nginx start(Path directory, List<URI> nodes) throws IOException, InterruptedException {
        installIfMissing();
        Path prefix = directory.toAbsolutePath();
        Files.createDirectories(prefix.resolve("temp"));
        int http = MicroServer.freePort();
        int https = MicroServer.freePort();
        run(
                prefix,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem");
        Files.writeString(prefix.resolve("nginx.conf"), configuration(prefix, nodes, http, https), UTF_8);
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "-p",
                        prefix.toString(),
                        "-c",
                        prefix.resolve("nginx.conf").toString(),
                        "-e",
                        prefix.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile())
                .start();
        var nginx = new Nginx(process, prefix, http, https);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!(nginx.accepts(http) && nginx.accepts(https))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                nginx.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("nginx.out"))
                        + (Files.exists(prefix.resolve("error.log"))
                                ? Files.readString(prefix.resolve("error.log"))
                                : ""));
            }
            Thread.sleep(100);
        }
        return nginx;
    }

    /**
     * The server block of docs/operations.md, with the test's ports and paths. {@code $proxy_add_x_forwarded_for} keeps what
     * the client sent and appends the address nginx saw, so the nodes must take the right-most untrusted hop.
     */
    private static String configuration(Path prefix, List<URI> nodes, int http, int https) {
        String servers = nodes.stream()
                .map(node -> "        server 127.0.0.1:" + node.getPort() + ";")
                .collect(Collectors.joining("\n"));
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;

                    upstream lanyard {
                %2$s
                        keepalive 16;
                    }

                    server {
                        listen 127.0.0.1:%3$d;
                        listen 127.0.0.1:%4$d ssl;
                        ssl_certificate %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;

                        location / {
                            proxy_pass http://lanyard;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(prefix, servers, http, https);
    }

    public URL http() {
        return url("http", httpPort);
    }

    public URL https() {
        return url("https", httpsPort);
    }

    /** Trusts the run's certificate, and only it. */
    public SSLContext tls() {
        try {
            var certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(prefix.resolve("cert.pem"))));
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("nginx", certificate);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }

    private static URL url(String scheme, int port) {
        try {
            return new URL(scheme + "://localhost:" + port + "/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void installIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if (!Installer.run(
                "nginx",
                Path.of("."),
                10,
                "sh",
                "-c",
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx")) {
            throw new IllegalStateException(
                    "nginx is missing and apt-get could not install it" + " (apt-get install nginx, as root)");
        }
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
