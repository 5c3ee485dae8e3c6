package dev.lanyard.example.post.boundary;

import dev.lanyard.example.post.entity.Post;
import java.time.Instant;

/** A post as the API shows it, its author by id and name only. */
public record PostView(long id, String title, String body, Author author, Instant createdAt, Instant updatedAt) {

    public record Author(long id, String name) {}

    public static PostView of(Post post) {
        return new PostView(
                post.id(),
                post.title(),
                post.body(),
                new Author(post.author().id(), post.author().name()),
                post.createdAt(),
                post.updatedAt());
    }
}
