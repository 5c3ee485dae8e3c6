package dev.lanyard.it.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.Simultaneous.Answer;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A flood of logins cannot starve the API: failed logins are limited per client address across emails, password
 * hashes run on a bounded gate that answers 429 at once when full, and no login holds a database connection
 * while it hashes.
 */
class LoginFloodIT extends MicroTest {

    /** {@code lanyard.login.max-attempts-per-address}, left at its default by the suite. */
    private static final int MAX_PER_ADDRESS = 30;

    @Test
    void failedLoginsFromOneAddressAreLimitedWhateverTheEmail() {
        var oneAddress = LoopbackClient.anyAddress(base);

        for (int attempt = 1; attempt <= MAX_PER_ADDRESS; attempt++) {
            var failed = oneAddress.post("api/login", Json.of("email", Accounts.uniqueEmail(), "password", "guess"));
            assertThat(failed.status()).as("attempt " + attempt + ": " + failed).isEqualTo(422);
        }
        var next = oneAddress.post("api/login", Json.of("email", Accounts.uniqueEmail(), "password", "guess"));

        assertThat(next.status()).as(next.toString()).isEqualTo(429);
        assertThat(next.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        var elsewhere = LoopbackClient.anyAddress(base)
                .post("api/login", Json.of("email", Accounts.uniqueEmail(), "password", "guess"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(422);
    }

    /**
     * More logins at once than the hash gate admits, from addresses and for emails that no throttle stops: the
     * gate turns some away at once with 429, and none fails.
     */
    @Test
    void loginsBeyondTheHashGateAnswer429AtOnce() {
        var addresses = IntStream.range(0, 6)
                .mapToObj(i -> LoopbackClient.anyAddress(base))
                .toList();

        var answers = Simultaneous.send(
                48,
                i -> Answer.of(addresses
                        .get(i % addresses.size())
                        .post("api/login", Json.of("email", Accounts.uniqueEmail(), "password", "guess"))));

        assertThat(answers.all())
                .as(answers.toString())
                .allSatisfy(answer -> assertThat(answer.status()).isIn(422, 429));
        assertThat(answers.count(429)).as(answers.toString()).isPositive();
        assertThat(answers.count(422)).as(answers.toString()).isPositive();
        assertThat(answers.withStatus(429))
                .allSatisfy(busy -> assertThat(busy.retryAfter())
                        .hasValueSatisfying(
                                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60)));
    }

    /**
     * 64 logins with unknown emails at once, from addresses of their own so that no throttle stops them, and an
     * authenticated request sent meanwhile: it answers 200 within the pool's wait for a connection (5 s), and
     * meanwhile no connection of the server's sits in a transaction that has been open and idle for a second,
     * as one does while a login hashes inside its transaction.
     */
    @Test
    void aLoginFloodDoesNotKeepTheApiWaitingForADatabaseConnection() throws Exception {
        var ann = new Accounts(api()).register();
        List<LoopbackClient> addresses = IntStream.range(0, 8)
                .mapToObj(i -> LoopbackClient.anyAddress(base))
                .toList();

        var flood = CompletableFuture.supplyAsync(() -> Simultaneous.send(
                64,
                i -> Answer.of(addresses
                        .get(i % addresses.size())
                        .post("api/login", Json.of("email", Accounts.uniqueEmail(), "password", "guess")))));
        var heldAcrossAHash = CompletableFuture.supplyAsync(() -> mostTransactionsIdleForASecond(flood));
        Thread.sleep(500);
        long start = System.nanoTime();
        var user = api().get("api/user").bearer(ann.token()).send();
        var took = Duration.ofNanos(System.nanoTime() - start);
        var logins = flood.get();

        assertThat(heldAcrossAHash.get())
                .as("transactions open and idle for over a second")
                .isZero();
        assertThat(user.status()).as(user.toString()).isEqualTo(200);
        assertThat(took).as("GET /api/user during the flood").isLessThan(Duration.ofSeconds(5));
        assertThat(logins.all())
                .as(logins.toString())
                .allSatisfy(answer -> assertThat(answer.status()).isIn(422, 429));
    }

    /** The most server connections seen at once idle in a transaction begun over a second ago, until done. */
    private static long mostTransactionsIdleForASecond(CompletableFuture<?> until) {
        long most = 0;
        try {
            while (!until.isDone()) {
                most = Math.max(
                        most,
                        SuiteDatabase.number("SELECT count(*) FROM pg_stat_activity"
                                + " WHERE application_name = 'lanyard' AND state = 'idle in transaction'"
                                + " AND xact_start < now() - interval '1 second'"));
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return most;
    }
}
