package dev.lanyard.token.boundary;

import dev.lanyard.mail.control.Links;
import dev.lanyard.rest.StatusMessages;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * RFC 8414's discovery document, so a resource server finds the introspection and revocation endpoints from the
 * issuer's address alone. A servlet rather than a resource: the path lies outside the API's {@code /api}.
 *
 * <p>Every address in it is built from {@code lanyard.app.url}, never from the request's {@code Host}, which the
 * caller chooses; a server without that setting does not know its public address and answers 404. Both endpoints
 * take the caller's own token as a bearer token ({@code "bearer"}: IANA's list of client authentication methods
 * has no name for it).
 */
@WebServlet("/.well-known/oauth-authorization-server")
public class AuthorizationServerMetadata extends HttpServlet {

    private static final String BEARER = "bearer";

    @Inject
    Links links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Optional<URI> root = publicRoot();
        if (root.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("message", StatusMessages.of(HttpServletResponse.SC_NOT_FOUND))
                            .build()
                            .toString());
            return;
        }
        response.getWriter().write(metadata(root.get()).toString());
    }

    private Optional<URI> publicRoot() {
        try {
            return links.configuredRoot();
        } catch (IllegalStateException malformed) {
            return Optional.empty();
        }
    }

    private static JsonObject metadata(URI root) {
        String issuer = root.toString().substring(0, root.toString().length() - 1);
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add(
                        "introspection_endpoint",
                        root.resolve("api/oauth/introspect").toString())
                .add(
                        "introspection_endpoint_auth_methods_supported",
                        Json.createArrayBuilder().add(BEARER))
                .add("revocation_endpoint", root.resolve("api/oauth/revoke").toString())
                .add(
                        "revocation_endpoint_auth_methods_supported",
                        Json.createArrayBuilder().add(BEARER))
                // RFC 8414 requires it; Lanyard issues tokens through its own API, not an authorization endpoint.
                .add("response_types_supported", Json.createArrayBuilder())
                .build();
    }
}
