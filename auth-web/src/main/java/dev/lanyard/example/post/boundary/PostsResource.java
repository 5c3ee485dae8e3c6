package dev.lanyard.example.post.boundary;

import dev.lanyard.example.post.entity.Post;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.security.RequireVerifiedEmail;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Posts: anyone with a user token reads them; abilities decide who writes; authors and admins change them. */
@ApplicationScoped
@Path("posts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequireVerifiedEmail
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class PostsResource {

    // Some non-blank character anywhere, across lines: a body has several.
    private static final String NOT_BLANK = "(?s).*\\S.*";

    public record PostRequest(
            @NotBlank(message = "The title field is required.")
            @Size(max = Post.MAX_TITLE, message = "The title field must not be greater than 255 characters.")
            String title,

            @NotBlank(message = "The body field is required.")
            @Size(max = Post.MAX_BODY, message = "The body field must not be greater than 10000 characters.")
            String body) {}

    /** A PATCH: absent fields stay as they are; present ones follow the same rules. */
    public record PostChanges(
            @Pattern(regexp = NOT_BLANK, message = "The title field must not be empty.")
            @Size(max = Post.MAX_TITLE, message = "The title field must not be greater than 255 characters.")
            String title,

            @Pattern(regexp = NOT_BLANK, message = "The body field must not be empty.")
            @Size(max = Post.MAX_BODY, message = "The body field must not be greater than 10000 characters.")
            String body) {}

    @Inject
    Posts posts;

    @Inject
    CurrentCaller caller;

    @GET
    @RequireAbilities("read:posts")
    public Paged<PostView> list(@Valid @BeanParam PageParams page) {
        return Paged.of(posts.newestFirst(page.toRequest()), PostView::of);
    }

    @POST
    @RequireAbilities("create:posts")
    public Response create(
            @Valid @NotNull(message = "A JSON body is required.") PostRequest body, @Context UriInfo uri) {
        PostView created = PostView.of(posts.write(caller.ownerId(), body.title(), body.body()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @RequireAbilities("read:posts")
    public PostView show(@PathParam("id") long id) {
        return PostView.of(posts.post(id));
    }

    @PUT
    @Path("{id}")
    @RequireAbilities("update:posts")
    public PostView replace(
            @PathParam("id") long id, @Valid @NotNull(message = "A JSON body is required.") PostRequest body) {
        return PostView.of(
                posts.revise(id, caller.ownerId(), isAdmin(), Optional.of(body.title()), Optional.of(body.body())));
    }

    @PATCH
    @Path("{id}")
    @RequireAbilities("update:posts")
    public PostView update(
            @PathParam("id") long id, @Valid @NotNull(message = "A JSON body is required.") PostChanges body) {
        return PostView.of(posts.revise(
                id, caller.ownerId(), isAdmin(), Optional.ofNullable(body.title()), Optional.ofNullable(body.body())));
    }

    @DELETE
    @Path("{id}")
    @RequireAbilities("delete:posts")
    public MessageBody delete(@PathParam("id") long id) {
        posts.delete(id, caller.ownerId(), isAdmin());
        return new MessageBody("Post deleted.");
    }

    /** Ownership is a business rule the boundary applies; whether the caller may override it is known here. */
    private boolean isAdmin() {
        return caller.token().groups().contains(Roles.ADMIN);
    }
}
