package dev.lanyard.bench.reference;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The login benchmark's reference, deployed beside Lanyard in the same Payara Micro so both are timed in one JVM:
 * {@code GET /hash-reference/rate?algorithm=&password=&workers=&seconds=} verifies the password against its own hash
 * as fast as it can, with the same libraries and settings as Lanyard's {@code Passwords}, and answers
 * {@code calls seconds}. {@code algorithm=argon2id} takes {@code memory-kib}, {@code iterations} and
 * {@code parallelism} (Bouncy Castle, a 16-byte salt, a 32-byte hash, compared in constant time);
 * {@code algorithm=bcrypt} takes {@code cost} (at.favre's bcrypt 2b, SHA-512 first beyond 72 bytes).
 */
@WebServlet("/rate")
public class HashRateServlet extends HttpServlet {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String password = request.getParameter("password");
        ClosedLoop.Call verification = switch (String.valueOf(request.getParameter("algorithm"))) {
            case "argon2id" ->
                argon2id(
                        password,
                        Integer.parseInt(request.getParameter("memory-kib")),
                        Integer.parseInt(request.getParameter("iterations")),
                        Integer.parseInt(request.getParameter("parallelism")));
            case "bcrypt" -> bcrypt(password, Integer.parseInt(request.getParameter("cost")));
            default -> null;
        };
        if (verification == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "algorithm must be argon2id or bcrypt");
            return;
        }
        try {
            var rate = ClosedLoop.measure(
                    Integer.parseInt(request.getParameter("workers")),
                    Double.parseDouble(request.getParameter("seconds")),
                    verification);
            response.setContentType("text/plain");
            response.getWriter().print(rate.calls() + " " + rate.seconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private static ClosedLoop.Call argon2id(String password, int memoryKib, int iterations, int parallelism) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        byte[] hash = derive(parameters, password);
        return () -> {
            if (!MessageDigest.isEqual(hash, derive(parameters, password))) {
                throw new IllegalStateException("argon2id did not verify its own hash");
            }
        };
    }

    private static byte[] derive(Argon2Parameters parameters, String password) {
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static ClosedLoop.Call bcrypt(String password, int cost) {
        var strategy = LongPasswordStrategies.hashSha512(VERSION);
        char[] characters = password.toCharArray();
        String hash = BCrypt.with(VERSION, strategy).hashToString(cost, characters);
        return () -> {
            if (!BCrypt.verifyer(VERSION, strategy).verify(characters, hash).verified) {
                throw new IllegalStateException("bcrypt did not verify its own hash");
            }
        };
    }
}
