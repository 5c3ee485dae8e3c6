package dev.lanyard.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for the API, rooted at the deployment's base URL. */
public final class Api {

    // HTTP/1.1 as curl and most API clients speak it over plain http; Java's default upgrade to h2c would also
    // stall on a refused oversized body, as HTTP/2 flow control waits for the server to read it.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    public Api(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"));
    }

    private Api(URI base) {
        this.base = base;
    }

    public Call get(String path) {
        return new Call(request(path).GET());
    }

    public Call post(String path, String json) {
        return send("POST", path, json);
    }

    public Call post(String path) {
        return new Call(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Call put(String path, String json) {
        return send("PUT", path, json);
    }

    public Call patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Call delete(String path) {
        return new Call(request(path).DELETE());
    }

    /** Any method with any body and content type, for the requests a well-behaved client would not send. */
    public Call send(String method, String path, String contentType, String body) {
        return new Call(request(path)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private Call send(String method, String path, String json) {
        return send(method, path, "application/json", json);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    /** A request being put together; {@link #send()} sends it. */
    public static final class Call {
        private final HttpRequest.Builder request;

        private Call(HttpRequest.Builder request) {
            this.request = request;
        }

        public Call header(String name, String value) {
            request.header(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Reply send() {
            try {
                return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
