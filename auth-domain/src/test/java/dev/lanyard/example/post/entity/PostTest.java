package dev.lanyard.example.post.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.account.entity.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PostTest {

    private static final Instant WRITTEN = Instant.parse("2026-01-02T03:04:05.123456789Z");

    private final User ann = new User("Ann", "ann@example.com", "$2b$12$hash", Instant.EPOCH);
    private final Post post = new Post(ann, "Hello", "First post.", WRITTEN);

    @Test
    void aNewPostWasLastUpdatedWhenWritten() {
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(post.updatedAt()).isEqualTo(post.createdAt());
        assertThat(post.author()).isSameAs(ann);
    }

    @Test
    void aRevisionReplacesTitleAndBodyAndMovesUpdatedAt() {
        Instant later = WRITTEN.plusSeconds(60);

        post.revise("Hello again", "Edited.", later);

        assertThat(post.title()).isEqualTo("Hello again");
        assertThat(post.body()).isEqualTo("Edited.");
        assertThat(post.updatedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void aRevisionThatChangesNothingKeepsUpdatedAt() {
        post.revise("Hello", "First post.", WRITTEN.plusSeconds(60));

        assertThat(post.updatedAt()).isEqualTo(post.createdAt());
    }

    @Test
    void anUnsavedAuthorIsNobodysAuthor() {
        assertThat(post.isAuthoredBy(1)).isFalse();
    }
}
