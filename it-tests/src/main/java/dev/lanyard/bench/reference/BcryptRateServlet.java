package dev.lanyard.bench.reference;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login benchmark's reference, deployed beside Lanyard in the same Payara Micro so both are timed in one JVM:
 * {@code GET /bcrypt-reference/rate?password=&cost=&workers=&seconds=} verifies the password against its bcrypt hash,
 * with the same library and settings as Lanyard's {@code Passwords}, and answers {@code calls seconds}.
 */
@WebServlet("/rate")
public class BcryptRateServlet extends HttpServlet {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        char[] password = request.getParameter("password").toCharArray();
        var strategy = LongPasswordStrategies.hashSha512(VERSION);
        String hash = BCrypt.with(VERSION, strategy).hashToString(Integer.parseInt(request.getParameter("cost")),
                password);
        try {
            var rate = ClosedLoop.measure(Integer.parseInt(request.getParameter("workers")),
                    Double.parseDouble(request.getParameter("seconds")), () -> {
                        if (!BCrypt.verifyer(VERSION, strategy).verify(password, hash).verified) {
                            throw new IllegalStateException("bcrypt did not verify its own hash");
                        }
                    });
            response.setContentType("text/plain");
            response.getWriter().print(rate.calls() + " " + rate.seconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
