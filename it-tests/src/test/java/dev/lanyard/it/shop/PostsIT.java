package dev.lanyard.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostsIT extends MicroTest {

    @Test
    void aReadOnlyTokenReadsPostsButCannotWriteThem() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String readOnly = accounts.token(ann, "read:posts");
        long own = create(ann.token(), "Mine");

        assertThat(api().get("api/posts").bearer(readOnly).send().status()).isEqualTo(200);
        assertThat(api().get("api/posts/" + own).bearer(readOnly).send().status())
                .isEqualTo(200);
        var write = api().post("api/posts", Json.of("title", "t", "body", "b"))
                .bearer(readOnly)
                .send();
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.json().getString("message")).isNotBlank();
        assertThat(api().put("api/posts/" + own, Json.of("title", "t", "body", "b"))
                        .bearer(readOnly)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().patch("api/posts/" + own, Json.of("title", "t"))
                        .bearer(readOnly)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().delete("api/posts/" + own).bearer(readOnly).send().status())
                .isEqualTo(403);
    }

    @Test
    void eachMethodNeedsItsOwnAbility() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        long own = create(ann.token(), "Mine");
        String writeOnly = accounts.token(ann, "create:posts");
        String updateOnly = accounts.token(ann, "update:posts");
        String deleteOnly = accounts.token(ann, "delete:posts");

        assertThat(api().get("api/posts").bearer(writeOnly).send().status()).isEqualTo(403);
        assertThat(api().post("api/posts", Json.of("title", "t", "body", "b"))
                        .bearer(writeOnly)
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(api().patch("api/posts/" + own, Json.of("title", "t"))
                        .bearer(updateOnly)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().delete("api/posts/" + own).bearer(updateOnly).send().status())
                .isEqualTo(403);
        assertThat(api().delete("api/posts/" + own).bearer(deleteOnly).send().status())
                .isEqualTo(200);
    }

    @Test
    void theAuthorCreatesReadsReplacesPatchesAndDeletes() {
        var ann = new Accounts(api()).register();

        var created = api().post("api/posts", Json.of("title", "Hello", "body", "First post.\nTwo lines."))
                .bearer(ann.token())
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject post = created.json();
        long id = post.getJsonNumber("id").longValue();
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/posts/" + id));
        assertThat(post.keySet())
                .containsExactlyInAnyOrder("id", "title", "body", "author", "created_at", "updated_at");
        assertThat(post.getString("title")).isEqualTo("Hello");
        assertThat(post.getString("body")).isEqualTo("First post.\nTwo lines.");
        assertThat(post.getJsonObject("author").getJsonNumber("id").longValue()).isEqualTo(ann.id());
        assertThat(post.getJsonObject("author").getString("name")).isEqualTo("Test User");
        assertThat(post.getJsonObject("author").keySet()).containsExactlyInAnyOrder("id", "name");
        assertThat(post.getString("updated_at")).isEqualTo(post.getString("created_at"));

        var shown = api().get(created.header("Location").orElseThrow())
                .bearer(ann.token())
                .send();
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.json()).isEqualTo(post);

        var replaced = api().put("api/posts/" + id, Json.of("title", "Hello again", "body", "Rewritten."))
                .bearer(ann.token())
                .send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getString("title")).isEqualTo("Hello again");
        assertThat(replaced.json().getString("body")).isEqualTo("Rewritten.");
        assertThat(replaced.json().getString("created_at")).isEqualTo(post.getString("created_at"));
        assertThat(Instant.parse(replaced.json().getString("updated_at")))
                .isAfter(Instant.parse(post.getString("created_at")));

        var patched = api().patch("api/posts/" + id, Json.of("body", "Patched."))
                .bearer(ann.token())
                .send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().getString("title")).isEqualTo("Hello again");
        assertThat(patched.json().getString("body")).isEqualTo("Patched.");
        assertThat(api().get("api/posts/" + id).bearer(ann.token()).send().json())
                .isEqualTo(patched.json());

        var deleted = api().delete("api/posts/" + id).bearer(ann.token()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().getString("message")).isNotBlank();
        assertThat(api().get("api/posts/" + id).bearer(ann.token()).send().status())
                .isEqualTo(404);
    }

    @Test
    void anotherUserCannotChangeAPostButAnAdminCan() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        long id = create(ann.token(), "Ann's");

        var put = api().put("api/posts/" + id, Json.of("title", "Bob's now", "body", "b"))
                .bearer(bob.token())
                .send();
        var patch = api().patch("api/posts/" + id, Json.of("title", "Bob's now"))
                .bearer(bob.token())
                .send();
        var delete = api().delete("api/posts/" + id).bearer(bob.token()).send();

        assertThat(List.of(put.status(), patch.status(), delete.status())).containsOnly(403);
        assertThat(delete.json().getString("message")).isNotBlank();
        assertThat(api().get("api/posts/" + id)
                        .bearer(bob.token())
                        .send()
                        .json()
                        .getString("title"))
                .isEqualTo("Ann's");

        String admin = Admin.token(api());
        var moderated = api().patch("api/posts/" + id, Json.of("title", "Moderated"))
                .bearer(admin)
                .send();
        assertThat(moderated.status()).as(moderated.toString()).isEqualTo(200);
        assertThat(moderated.json().getString("title")).isEqualTo("Moderated");
        assertThat(moderated.json().getJsonObject("author").getJsonNumber("id").longValue())
                .isEqualTo(ann.id());
        assertThat(api().delete("api/posts/" + id).bearer(admin).send().status())
                .isEqualTo(200);
        assertThat(api().get("api/posts/" + id).bearer(ann.token()).send().status())
                .isEqualTo(404);
    }

    @Test
    void invalidPostsAre422WithTheFieldsNamed() {
        var ann = new Accounts(api()).register();
        long id = create(ann.token(), "Valid");

        var missing = api().post("api/posts", Json.of()).bearer(ann.token()).send();
        var blank = api().post("api/posts", Json.of("title", " ", "body", "b"))
                .bearer(ann.token())
                .send();
        var tooLong = api().post("api/posts", Json.of("title", "t".repeat(256), "body", "b".repeat(10_001)))
                .bearer(ann.token())
                .send();
        var putMissing = api().put("api/posts/" + id, Json.of("title", "only a title"))
                .bearer(ann.token())
                .send();
        var patchBlank = api().patch("api/posts/" + id, Json.of("body", "  \n "))
                .bearer(ann.token())
                .send();

        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.json().getJsonObject("errors").keySet()).containsExactlyInAnyOrder("title", "body");
        assertThat(missing.json().getJsonObject("errors").getJsonArray("title").getString(0))
                .isEqualTo("The title field is required.");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(422);
        assertThat(blank.json().getJsonObject("errors").keySet()).containsExactly("title");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.json().getJsonObject("errors").keySet()).containsExactlyInAnyOrder("title", "body");
        assertThat(putMissing.status()).as(putMissing.toString()).isEqualTo(422);
        assertThat(putMissing.json().getJsonObject("errors").keySet()).containsExactly("body");
        assertThat(patchBlank.status()).as(patchBlank.toString()).isEqualTo(422);
        assertThat(patchBlank.json().getJsonObject("errors").keySet()).containsExactly("body");
        assertThat(api().get("api/posts/" + id)
                        .bearer(ann.token())
                        .send()
                        .json()
                        .getString("title"))
                .isEqualTo("Valid");
    }

    @Test
    void theLongestPostFits() {
        var ann = new Accounts(api()).register();

        var reply = api().post("api/posts", Json.of("title", "t".repeat(255), "body", "b".repeat(10_000)))
                .bearer(ann.token())
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void unknownPostsAre404() {
        var ann = new Accounts(api()).register();

        for (String path : List.of("api/posts/999999999", "api/posts/not-a-number")) {
            assertThat(api().get(path).bearer(ann.token()).send().status())
                    .as(path)
                    .isEqualTo(404);
            assertThat(api().put(path, Json.of("title", "t", "body", "b"))
                            .bearer(ann.token())
                            .send()
                            .status())
                    .as(path)
                    .isEqualTo(404);
            assertThat(api().patch(path, Json.of("title", "t"))
                            .bearer(ann.token())
                            .send()
                            .status())
                    .as(path)
                    .isEqualTo(404);
            var delete = api().delete(path).bearer(ann.token()).send();
            assertThat(delete.status()).as(path).isEqualTo(404);
            assertThat(delete.json().getString("message")).isNotBlank();
        }
    }

    @Test
    void theListIsPaginatedNewestFirst() {
        var ann = new Accounts(api()).register();
        long first = create(ann.token(), "first");
        long second = create(ann.token(), "second");
        long third = create(ann.token(), "third");

        var page1 = api().get("api/posts?per_page=2").bearer(ann.token()).send();
        var page2 = api().get("api/posts?page=2&per_page=2").bearer(ann.token()).send();

        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        assertThat(ids(page1.json())).containsExactly(third, second);
        JsonObject meta = page1.json().getJsonObject("meta");
        assertThat(meta.getInt("page")).isEqualTo(1);
        assertThat(meta.getInt("per_page")).isEqualTo(2);
        assertThat(meta.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(ids(page2.json())).first().isEqualTo(first);
        assertThat(page2.json().getJsonObject("meta").getInt("page")).isEqualTo(2);
        assertThat(api().get("api/posts")
                        .bearer(ann.token())
                        .send()
                        .json()
                        .getJsonObject("meta")
                        .getInt("per_page"))
                .isEqualTo(15);
        var tooMany = api().get("api/posts?per_page=101").bearer(ann.token()).send();
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.json().getJsonObject("errors").keySet()).containsExactly("per_page");
    }

    @Test
    void postsNeedAUserToken() {
        assertThat(api().get("api/posts").send().status()).isEqualTo(401);
        assertThat(api().post("api/posts", Json.of("title", "t", "body", "b"))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api().delete("api/posts/1").send().status()).isEqualTo(401);
    }

    @Test
    void aDeletedUsersPostsGoWithThem() throws SQLException {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        long id = create(ann.token(), "Soon gone");

        try (var connection = SuiteDatabase.current().connect();
                var statement = connection.prepareStatement("DELETE FROM token_owners WHERE id = ?")) {
            statement.setLong(1, ann.id());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        assertThat(api().get("api/posts/" + id).bearer(bob.token()).send().status())
                .isEqualTo(404);
    }

    private long create(String token, String title) {
        var reply = api().post("api/posts", Json.of("title", title, "body", "Text of " + title))
                .bearer(token)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getJsonNumber("id").longValue();
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(post -> post.getJsonNumber("id").longValue())
                .toList();
    }
}
