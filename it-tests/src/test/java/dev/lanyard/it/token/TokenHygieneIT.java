package dev.lanyard.it.token;

import static dev.lanyard.it.token.BearerAuthenticationIT.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.SuiteDatabase;
import dev.lanyard.it.support.SuiteMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Expiry reminders ({@code lanyard.token.expiry-reminder-days}, 7 and 1 by default) and the revocation of
 * tokens unused for {@code lanyard.token.revoke-unused-days} (30 here), both done by each pruning run. On a
 * server of its own without the suite's one-hour token lifetime, under which no token lives for days.
 */
@ExtendWith(SuiteDatabase.class)
@ExtendWith(SuiteMail.class)
class TokenHygieneIT {

    private static final String EXPIRES_SOON = "An API token of yours expires soon";
    private static final String REVOKED_UNUSED = "An API token of yours was revoked for lack of use";
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static MicroServer server;
    private static Api api;

    @BeforeAll
    static void startWithoutALifetime() throws Exception {
        List<String> jvm = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        jvm.addAll(SuiteMail.serverOptions());
        jvm.add("-Dlanyard.token.expiration-minutes=0");
        jvm.add("-Dlanyard.token.revoke-unused-days=30");
        // Runs when the test asks, through the admin endpoint, rather than every two seconds.
        jvm.add("-Dlanyard.prune.schedule=0 0 3 * * *");
        server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                jvm,
                LOG::add);
        api = new Api(server.base().toURL());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        Files.write(
                Path.of(System.getProperty("lanyard.it.micro.log", "target/payara-micro.log") + ".hygiene"),
                LOG,
                StandardCharsets.UTF_8);
    }

    @Test
    void anOwnerIsRemindedOncePerThresholdOfATokenAboutToExpire() throws SQLException {
        var ann = new Accounts(api).register();
        long releaseBot = create(ann, "release bot", 10);
        create(ann, "for three days", 3);
        // Made twenty days ago, it ends in five: within the 7-day threshold, and it lived longer than that.
        SuiteDatabase.update("UPDATE access_tokens SET created_at = now() - interval '20 days', expires_at = now()"
                + " + interval '5 days' WHERE id = " + releaseBot);

        prune();
        prune();

        var week = SuiteMail.awaitMail(ann.email(), EXPIRES_SOON);
        assertThat(week.text()).contains("\"release bot\" expires at");
        stillOneReminderPerThresholdAfterAWhile(ann, 1);

        SuiteDatabase.update(
                "UPDATE access_tokens SET expires_at = now() + interval '12 hours' WHERE id = " + releaseBot);
        prune();
        prune();

        assertThat(SuiteMail.awaitMail(ann.email(), EXPIRES_SOON, 2).text()).contains("\"release bot\"");
        stillOneReminderPerThresholdAfterAWhile(ann, 2);
        assertThat(remindersTo(ann)).noneMatch(mail -> mail.text().contains("for three days"));
    }

    /** Mail arrives after its transaction commits: a second reminder would show within these seconds. */
    private static void stillOneReminderPerThresholdAfterAWhile(Accounts.Account account, int thresholds) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> remindersTo(account).size() == thresholds);
    }

    @Test
    void tokensUnusedForTheConfiguredDaysAreRevokedAndTheirOwnerTold() throws SQLException {
        var bob = new Accounts(api).register();
        String neverUsed = token(bob, "old cron job");
        String usedLongAgo = token(bob, "nightly export");
        String usedLately = token(bob, "dashboard");
        SuiteDatabase.update("UPDATE access_tokens SET created_at = now() - interval '40 days' WHERE id IN ("
                + idOf(neverUsed) + ", " + idOf(usedLongAgo) + ", " + idOf(usedLately) + ")");
        SuiteDatabase.update(
                "UPDATE access_tokens SET last_used_at = now() - interval '31 days' WHERE id = " + idOf(usedLongAgo));
        SuiteDatabase.update(
                "UPDATE access_tokens SET last_used_at = now() - interval '29 days' WHERE id = " + idOf(usedLately));

        prune();

        assertThat(status(neverUsed)).isEqualTo(401);
        assertThat(status(usedLongAgo)).isEqualTo(401);
        assertThat(status(usedLately)).isEqualTo(200);
        assertThat(status(bob.token())).isEqualTo(200);
        SuiteMail.awaitMail(bob.email(), REVOKED_UNUSED, 2);
        assertThat(SuiteMail.mailsTo(bob.email()))
                .filteredOn(mail -> mail.subject().equals(REVOKED_UNUSED))
                .extracting(SuiteMail.Mail::text)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("\"old cron job\" was not used for 30 days"))
                .anySatisfy(text -> assertThat(text).contains("\"nightly export\" was not used for 30 days"));
        assertThat(AuditTypes.of(api, bob.token()))
                .filteredOn(type -> type.equals("token.revoked reason=unused"))
                .hasSize(2);
    }

    private static List<SuiteMail.Mail> remindersTo(Accounts.Account account) {
        return SuiteMail.mailsTo(account.email()).stream()
                .filter(mail -> mail.subject().equals(EXPIRES_SOON))
                .toList();
    }

    private static void prune() {
        var reply = api.post("api/admin/tokens/prune").bearer(Admin.token(api)).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static long create(Accounts.Account owner, String name, int days) {
        var reply = api.post(
                        "api/tokens",
                        Json.of(
                                "name",
                                name,
                                "expires_at",
                                Instant.now().plus(days, ChronoUnit.DAYS).toString()))
                .bearer(owner.token())
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getJsonObject("token").getJsonNumber("id").longValue();
    }

    private static String token(Accounts.Account owner, String name) {
        var reply = api.post("api/tokens", Json.of("name", name))
                .bearer(owner.token())
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("plain_text_token");
    }

    private static int status(String token) {
        return api.get("api/user").bearer(token).send().status();
    }
}
