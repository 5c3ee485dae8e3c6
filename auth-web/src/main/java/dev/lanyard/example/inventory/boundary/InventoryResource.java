package dev.lanyard.example.inventory.boundary;

import dev.lanyard.example.inventory.entity.Product;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.rest.WholeNumber;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.security.RequireVerifiedEmail;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The inventory: users and API clients read it, admins add and change products. */
@ApplicationScoped
@Path("inventory")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequireVerifiedEmail
@SecurityRequirement(name = LanyardApplication.BEARER)
public class InventoryResource {

    private static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final String SKU_MESSAGE =
            "The sku field must only contain letters, numbers, dashes, underscores and dots.";
    private static final String PRICE_DIGITS_MESSAGE =
            "The price field must have at most 10 digits before the decimal point and 2 after it.";
    private static final String STOCK_INTEGER = "The stock field must be an integer.";
    private static final String STOCK_MIN = "The stock field must be at least 0.";
    private static final String STOCK_MAX = "The stock field must not be greater than 2147483647.";

    public record ProductRequest(
            @NotBlank(message = "The sku field is required.")
            @Pattern(regexp = SKU, message = SKU_MESSAGE)
            @Size(max = Product.MAX_SKU, message = "The sku field must not be greater than 64 characters.")
            String sku,

            @NotBlank(message = "The name field is required.")
            @Size(max = Product.MAX_NAME, message = "The name field must not be greater than 255 characters.")
            String name,

            @NotNull(message = "The price field is required.")
            @DecimalMin(value = "0", message = "The price field must be at least 0.")
            @Digits(
                    integer = Product.PRICE_INTEGER_DIGITS,
                    fraction = Product.PRICE_FRACTION_DIGITS,
                    message = PRICE_DIGITS_MESSAGE)
            BigDecimal price,

            @NotNull(message = "The stock field is required.")
            @WholeNumber(message = STOCK_INTEGER)
            @Min(value = 0, message = STOCK_MIN)
            @Max(value = Integer.MAX_VALUE, message = STOCK_MAX)
            BigDecimal stock) {}

    /** A PATCH: absent fields stay as they are; present ones follow the same rules. */
    public record ProductChanges(
            @Pattern(regexp = SKU, message = SKU_MESSAGE)
            @Size(max = Product.MAX_SKU, message = "The sku field must not be greater than 64 characters.")
            String sku,

            @Pattern(regexp = ".*\\S.*", message = "The name field must not be empty.")
            @Size(max = Product.MAX_NAME, message = "The name field must not be greater than 255 characters.")
            String name,

            @DecimalMin(value = "0", message = "The price field must be at least 0.")
            @Digits(
                    integer = Product.PRICE_INTEGER_DIGITS,
                    fraction = Product.PRICE_FRACTION_DIGITS,
                    message = PRICE_DIGITS_MESSAGE)
            BigDecimal price,

            @WholeNumber(message = STOCK_INTEGER)
            @Min(value = 0, message = STOCK_MIN)
            @Max(value = Integer.MAX_VALUE, message = STOCK_MAX)
            BigDecimal stock) {}

    @Inject
    Inventory inventory;

    @GET
    @RolesAllowed({Roles.USER, Roles.CLIENT})
    @RequireAbilities("read:inventory")
    public Paged<ProductView> list(@Valid @BeanParam PageParams page) {
        return Paged.of(inventory.inIdOrder(page.toRequest()), ProductView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.USER, Roles.CLIENT})
    @RequireAbilities("read:inventory")
    public ProductView show(@PathParam("id") long id) {
        return ProductView.of(inventory.product(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @RequireAbilities("admin")
    public Response add(
            @Valid @NotNull(message = "A JSON body is required.") ProductRequest body, @Context UriInfo uri) {
        ProductView added = ProductView.of(inventory.add(
                body.sku(), body.name(), body.price(), body.stock().intValueExact()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(added.id()))
                        .build())
                .entity(added)
                .build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @RequireAbilities("admin")
    public ProductView change(
            @PathParam("id") long id, @Valid @NotNull(message = "A JSON body is required.") ProductChanges body) {
        return ProductView.of(inventory.change(
                id,
                Optional.ofNullable(body.sku()),
                Optional.ofNullable(body.name()),
                Optional.ofNullable(body.price()),
                Optional.ofNullable(body.stock()).map(BigDecimal::intValueExact)));
    }
}
