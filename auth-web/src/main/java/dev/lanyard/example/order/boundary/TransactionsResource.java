package dev.lanyard.example.order.boundary;

import dev.lanyard.example.order.entity.CustomerOrder;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.OpenApiContract;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.rest.WholeNumber;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireVerifiedEmail;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in customer's orders ("transactions"): placing one, and reading only their own. */
@ApplicationScoped
@Path("transactions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequireVerifiedEmail
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class TransactionsResource {

    public record OrderRequest(
            @NotNull(message = "The product id field is required.")
            @WholeNumber(message = "The product id field must be an integer.")
            @Min(value = 1, message = Orders.UNKNOWN_PRODUCT)
            @Max(value = Long.MAX_VALUE, message = Orders.UNKNOWN_PRODUCT)
            BigDecimal productId,

            @NotNull(message = "The quantity field is required.")
            @WholeNumber(message = "The quantity field must be an integer.")
            @Min(value = 1, message = "The quantity field must be at least 1.")
            @Max(value = CustomerOrder.MAX_QUANTITY, message = "The quantity field must not be greater than 1000.")
            BigDecimal quantity) {}

    @Inject
    Orders orders;

    @Inject
    CurrentCaller caller;

    @GET
    public Paged<OrderView> list(@Valid @BeanParam PageParams page) {
        return Paged.of(orders.ofCustomer(caller.ownerId(), page.toRequest()), OrderView::of);
    }

    @POST
    // Declaring one response replaces the generated ones, so the success is declared too.
    @APIResponse(
            responseCode = "201",
            description = "The order placed; Location names it",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not enough stock",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    public Response place(
            @Valid @NotNull(message = "A JSON body is required.") OrderRequest body, @Context UriInfo uri) {
        OrderView placed = OrderView.of(orders.place(
                caller.ownerId(),
                body.productId().longValueExact(),
                body.quantity().intValueExact()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(placed.id()))
                        .build())
                .entity(placed)
                .build();
    }

    @GET
    @Path("{id}")
    public OrderView show(@PathParam("id") long id) {
        return OrderView.of(orders.ofCustomer(caller.ownerId(), id));
    }
}
