package dev.lanyard.it.token;

import static dev.lanyard.it.token.BearerAuthenticationIT.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteMail;
import dev.lanyard.token.entity.PlainTextToken;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/credentials/revoke}, GitHub's credential revocation for Lanyard's tokens: anyone may report
 * strings found exposed; the answer never tells which were tokens. Each test reports from a loopback address of
 * its own, as the reports are throttled per address.
 */
class ExposedTokensIT extends MicroTest {

    static final String REPORTED = "An API token of yours was reported as exposed";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aReportedTokenIsRevokedAndItsOwnerToldWhileTheAnswerSaysNothing() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String leaked = namedToken(ann, "ci deploy key");
        String kept = namedToken(ann, "laptop");
        var scanner = LoopbackClient.anyAddress(base);

        var report = scanner.post(
                "api/credentials/revoke",
                Json.of(
                        "credentials",
                        List.of(
                                "not a token",
                                leaked.substring(0, leaked.length() - 1) + "x",
                                leaked,
                                unknownButWellFormed(),
                                idOf(kept) + "|" + PlainTextToken.newSecret("lny_", RANDOM))));
        var nothing = scanner.post("api/credentials/revoke", Json.of("credentials", List.of("ghp_somebody_else")));

        assertThat(report.status()).as(report.toString()).isEqualTo(202);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(202);
        assertThat(report.body()).isEqualTo(nothing.body());
        assertThat(report.json().getString("message")).isNotBlank();
        assertThat(api().get("api/user").bearer(leaked).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(kept).send().status())
                .as("a wrong secret revokes nothing")
                .isEqualTo(200);
        var mail = SuiteMail.awaitMail(ann.email(), REPORTED);
        assertThat(mail.text())
                .contains("\"ci deploy key\"", "reported as exposed", "revoked")
                .doesNotContain("laptop");
        assertThat(mail.html()).contains("&quot;ci deploy key&quot;");
        assertThat(AuditTypes.of(api(), ann.token())).contains("token.reported reason=reported");
    }

    @Test
    void aTokenReportedByManyAtOnceIsRevokedOnceAndMailedOnce() {
        var ann = new Accounts(api()).register();
        String leaked = namedToken(ann, "pasted in a gist");
        var scanner = LoopbackClient.anyAddress(base);
        String body = Json.of("credentials", List.of(leaked));

        var answers = Simultaneous.send(8, i -> Simultaneous.Answer.of(scanner.post("api/credentials/revoke", body)));

        assertThat(answers.count(202)).as(answers.toString()).isEqualTo(8);
        assertThat(api().get("api/user").bearer(leaked).send().status()).isEqualTo(401);
        SuiteMail.awaitMail(ann.email(), REPORTED);
        assertThat(AuditTypes.of(api(), ann.token()))
                .filteredOn(type -> type.startsWith("token.reported"))
                .hasSize(1);
        assertThat(SuiteMail.mailsTo(ann.email()))
                .filteredOn(mail -> mail.subject().equals(REPORTED))
                .hasSize(1);
    }

    @Test
    void aThousandCredentialsAreTakenInOneReportAndOneMoreIsRefused() {
        var ann = new Accounts(api()).register();
        String leaked = namedToken(ann, "among many");
        var scanner = LoopbackClient.anyAddress(base);
        // Long ids, as a busy server has: the body is over the 64 KiB other requests may send.
        List<String> thousand = new ArrayList<>(IntStream.range(1, 1_000)
                .mapToObj(i -> (9_000_000_000L + i) + "|" + PlainTextToken.newSecret("lny_", RANDOM))
                .toList());
        thousand.add(leaked);
        String body = Json.of("credentials", thousand);
        assertThat(body.length()).isGreaterThan(64 * 1024);

        var report = scanner.post("api/credentials/revoke", body);
        assertThat(report.status()).as(report.toString()).isEqualTo(202);
        assertThat(api().get("api/user").bearer(leaked).send().status()).isEqualTo(401);

        thousand.add("one too many");
        var tooMany = scanner.post("api/credentials/revoke", Json.of("credentials", thousand));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.json()
                        .getJsonObject("errors")
                        .getJsonArray("credentials")
                        .getString(0))
                .isEqualTo("The credentials field must list between 1 and 1000 strings.");
    }

    @Test
    void badReportsAre422AndNever500() {
        var scanner = LoopbackClient.anyAddress(base);

        assertThat(scanner.post("api/credentials/revoke", "{}").status()).isEqualTo(422);
        assertThat(scanner.post("api/credentials/revoke", "{\"credentials\": []}")
                        .status())
                .isEqualTo(422);
        var wrongType = scanner.post("api/credentials/revoke", "{\"credentials\": [\"a\", 12345]}");
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(422);
        assertThat(wrongType.json().getJsonObject("errors").containsKey("credentials.1"))
                .isTrue();
        var notAList = scanner.post("api/credentials/revoke", "{\"credentials\": \"7|lny_x\"}");
        assertThat(notAList.status()).as(notAList.toString()).isEqualTo(422);
        assertThat(notAList.json()
                        .getJsonObject("errors")
                        .getJsonArray("credentials")
                        .getString(0))
                .isEqualTo("The credentials field must be an array.");
        assertThat(scanner.post("api/credentials/revoke", "{\"credentials\": [null]}")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void reportsAreThrottledPerAddress() {
        var scanner = LoopbackClient.anyAddress(base);
        var neighbour = LoopbackClient.anyAddress(base);
        String body = Json.of("credentials", List.of(unknownButWellFormed()));

        // The default limit, lanyard.credentials.max-reports-per-address, is 10 a minute.
        var answers = Simultaneous.send(12, i -> Simultaneous.Answer.of(scanner.post("api/credentials/revoke", body)));

        assertThat(answers.count(202)).as(answers.toString()).isEqualTo(10);
        assertThat(answers.withStatus(429))
                .hasSize(2)
                .allSatisfy(answer -> assertThat(answer.retryAfter()).isPresent());
        assertThat(neighbour.post("api/credentials/revoke", body).status()).isEqualTo(202);
    }

    private String namedToken(Accounts.Account owner, String name) {
        var reply = api().post("api/tokens", Json.of("name", name))
                .bearer(owner.token())
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("plain_text_token");
    }

    private static String unknownButWellFormed() {
        return "8999999999|" + PlainTextToken.newSecret("lny_", RANDOM);
    }
}
