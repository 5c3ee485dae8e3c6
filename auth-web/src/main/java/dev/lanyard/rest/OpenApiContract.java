package dev.lanyard.rest;

import dev.lanyard.security.TokenExpiryHeader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Writes the error contract into the OpenAPI document once, rather than on every resource method: each operation
 * gets the error responses its shape implies, with the contract's bodies. A secured operation (one with a
 * security requirement) can answer 401 and 403; one with a body 400, 413, 415 and 422; one with query parameters
 * 422; one with a path parameter 404; every one 503. Responses a method declares itself (409, 429) are kept.
 */
public class OpenApiContract implements OASFilter {

    public static final String MESSAGE = "Message";
    public static final String VALIDATION = "ValidationErrors";
    // Served by a servlet, outside the JAX-RS application the document is generated from.
    private static final String DISCOVERY = "/.well-known/oauth-authorization-server";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() != null) {
            openAPI.setServers(new ArrayList<>(openAPI.getServers().stream()
                    .map(Server::getUrl)
                    .map(OpenApiContract::serverPath)
                    .distinct()
                    .map(path -> OASFactory.createServer()
                            .url(path)
                            .description("This server, at the address the document was fetched from"))
                    .toList()));
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSchema(
                        MESSAGE,
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("Every error but 422, and plain confirmations")
                                .addProperty(
                                        "message", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .required(List.of("message")))
                .addSchema(
                        VALIDATION,
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("A validation failure, in Laravel's shape: messages by field")
                                .addProperty(
                                        "message", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.OBJECT)
                                                .additionalPropertiesSchema(OASFactory.createSchema()
                                                        .type(Schema.SchemaType.ARRAY)
                                                        .items(OASFactory.createSchema()
                                                                .type(Schema.SchemaType.STRING))))
                                .required(List.of("message", "errors")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().addPathItem(contextRoot(openAPI) + DISCOVERY, discovery());
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    operation.setOperationId(operationId(method, path));
                    addErrors(path, operation);
                }));
    }

    /**
     * The generator names a record's properties as Java does (plainTextToken); JSON-B reads and writes them in
     * snake_case ({@link JsonConfig}), so the document says what goes over the wire (plain_text_token).
     */
    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return schema;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        properties.forEach((name, property) -> renamed.put(StringFields.jsonName(name), property));
        schema.setProperties(renamed);
        if (schema.getRequired() != null) {
            schema.setRequired(
                    schema.getRequired().stream().map(StringFields::jsonName).toList());
        }
        return schema;
    }

    /**
     * A server as the path of its address ({@code http://host:8080/lanyard} → {@code /lanyard}), which OpenAPI
     * resolves against the address the document was fetched from. Payara writes the machine's own host name, which
     * a browser or a proxy's clients may not reach, and which a page such as Swagger UI's, loaded from another name
     * of the host, may not call (its Content-Security-Policy allows its own origin only).
     */
    static String serverPath(String url) {
        String path = URI.create(url).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The servlet's document, which the generator cannot see; its errors are added with everyone else's. */
    private static PathItem discovery() {
        return OASFactory.createPathItem()
                .GET(OASFactory.createOperation()
                        .summary("RFC 8414 metadata: the issuer and its introspection and revocation endpoints")
                        .responses(OASFactory.createAPIResponses()
                                .addAPIResponse(
                                        "200",
                                        OASFactory.createAPIResponse()
                                                .description("The metadata")
                                                .content(OASFactory.createContent()
                                                        .addMediaType(
                                                                jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                                                OASFactory.createMediaType()
                                                                        .schema(OASFactory.createSchema()
                                                                                .type(Schema.SchemaType.OBJECT)))))
                                .addAPIResponse(
                                        "404",
                                        OASFactory.createAPIResponse()
                                                .description(
                                                        "lanyard.app.url is not set: the server does not know its address")
                                                .content(json(MESSAGE)))));
    }

    /** What the generated paths put before {@code /api}: the deployment's context root, empty at {@code /}. */
    private static String contextRoot(OpenAPI openAPI) {
        return openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> path.contains("/api/"))
                .findFirst()
                .map(path -> path.substring(0, path.indexOf("/api/")))
                .orElse("");
    }

    /**
     * Named after method and path, e.g. {@code getPostsById}: Payara names operations after their Java methods,
     * so that two resources' {@code list} clash, and OpenAPI wants every operation id to be unique.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.equals("api")) {
                continue;
            }
            if (segment.startsWith("{")) {
                id.append("By");
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static void addErrors(String path, Operation operation) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", "No, invalid, expired or revoked token", MESSAGE)
                    .addHeader(
                            "WWW-Authenticate", header("Bearer, with error=\"invalid_token\" when a token was sent"));
            add(operation, "403", "The token lacks the role or ability this operation needs", MESSAGE)
                    .addHeader(
                            "WWW-Authenticate",
                            header("For a missing ability: Bearer error=\"insufficient_scope\","
                                    + " scope=\"the abilities it lacks\" (RFC 6750)"));
            operation.getResponses().getAPIResponses().entrySet().stream()
                    // Payara describes a success it derives from the method as "default".
                    .filter(response -> response.getKey().startsWith("2")
                            || response.getKey().equals("default"))
                    .forEach(response -> response.getValue()
                            .addHeader(
                                    TokenExpiryHeader.NAME,
                                    header("When the calling token stops working (ISO-8601, UTC); absent when never")));
        }
        if (operation.getRequestBody() != null) {
            add(operation, "400", "Malformed body or a value of the wrong type", MESSAGE);
            add(operation, "413", "Body over " + RequestSizeLimit.maxBytes(path) / 1024 + " KiB", MESSAGE);
            add(operation, "415", "Body of another media type than the one consumed", MESSAGE);
            add(operation, "422", "Validation failed", VALIDATION);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            add(operation, "422", "Invalid query parameter", VALIDATION);
        }
        if (path.contains("{")) {
            add(operation, "404", "No such resource, or not the caller's", MESSAGE);
        }
        add(operation, "503", "The database cannot be used; the server recovers by itself", MESSAGE);
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }

    private static APIResponse add(Operation operation, String status, String description, String schema) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> existing = operation.getResponses().getAPIResponses();
        if (existing != null && existing.containsKey(status)) {
            return existing.get(status);
        }
        APIResponse response =
                OASFactory.createAPIResponse().description(description).content(json(schema));
        operation.getResponses().addAPIResponse(status, response);
        return response;
    }

    private static Content json(String schema) {
        MediaType json =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + schema));
        return OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json);
    }
}
