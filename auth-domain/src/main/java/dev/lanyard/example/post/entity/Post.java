package dev.lanyard.example.post.entity;

import dev.lanyard.account.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A short text a user wrote: the example resource that abilities guard. */
@Entity
@Table(name = "posts")
@NamedQueries({
    // The author is fetched with the post: views name the author after the transaction has ended.
    @NamedQuery(
            name = Post.NEWEST_FIRST,
            query = "SELECT p FROM Post p JOIN FETCH p.author ORDER BY p.createdAt DESC, p.id DESC"),
    @NamedQuery(name = Post.COUNT, query = "SELECT COUNT(p) FROM Post p"),
    @NamedQuery(name = Post.WITH_AUTHOR_BY_ID, query = "SELECT p FROM Post p JOIN FETCH p.author WHERE p.id = :id")
})
public class Post {

    public static final String NEWEST_FIRST = "Post.newestFirst";
    public static final String COUNT = "Post.count";
    public static final String WITH_AUTHOR_BY_ID = "Post.withAuthorById";
    public static final int MAX_TITLE = 255;
    public static final int MAX_BODY = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private User author;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Post() {}

    public Post(User author, String title, String body, Instant writtenAt) {
        this.author = Objects.requireNonNull(author, "author");
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        // PostgreSQL keeps microseconds; the object answers what a reload would.
        this.createdAt = Objects.requireNonNull(writtenAt, "writtenAt").truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = createdAt;
    }

    /** Replaces title and body; {@code updated_at} moves only when something actually changed. */
    public void revise(String title, String body, Instant revisedAt) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(revisedAt, "revisedAt");
        if (!title.equals(this.title) || !body.equals(this.body)) {
            this.title = title;
            this.body = body;
            this.updatedAt = revisedAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public boolean isAuthoredBy(long userId) {
        return author.id() != null && author.id() == userId;
    }

    public Long id() {
        return id;
    }

    public User author() {
        return author;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
