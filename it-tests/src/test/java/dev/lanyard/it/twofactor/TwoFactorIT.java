package dev.lanyard.it.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Authenticator;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteDatabase;
import dev.lanyard.it.support.SuiteMail;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** TOTP two-factor login, with codes computed as an authenticator app computes them. */
class TwoFactorIT extends MicroTest {

    private static final String NOTICE = "Your account's security settings changed";

    @Test
    void enablingShowsTheSecretOnceAndTakesEffectOnlyWhenConfirmed() {
        var ann = new Accounts(api()).register();

        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(ann.token())
                .send();

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        JsonObject body = enabled.json();
        assertThat(body.getString("secret")).matches("[A-Z2-7]{32}");
        assertThat(body.getString("otpauth_url"))
                .startsWith("otpauth://totp/Lanyard:")
                .contains("secret=" + body.getString("secret"));
        assertThat(recoveryCodes(body)).hasSize(10).doesNotHaveDuplicates();
        assertThat(login(ann.email()).containsKey("token"))
                .as("not yet confirmed")
                .isTrue();

        var wrong = confirm(ann.token(), new Authenticator(body.getString("secret")).wrongCode());
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.json().getJsonObject("errors").containsKey("code")).isTrue();
        assertThat(login(ann.email()).containsKey("token")).isTrue();
        for (String later : List.of("api/user", "api/tokens", "api/audit?per_page=100", "api/dashboard")) {
            String reply = api().get(later).bearer(ann.token()).send().body();
            assertThat(reply).doesNotContain(body.getString("secret"));
            recoveryCodes(body).forEach(code -> assertThat(reply).doesNotContain(code));
        }
    }

    @Test
    void loginNeedsTheCodeAndNoCodeIsAcceptedTwice() {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        long confirmedStep = Authenticator.stepNow();

        var login = login(ann.email());
        assertThat(login.getBoolean("two_factor")).isTrue();
        assertThat(login.containsKey("token")).isFalse();
        String challenge = login.getString("challenge");

        var wrong = exchange(challenge, "code", app.wrongCode());
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.json().getJsonObject("errors").getJsonArray("code").getString(0))
                .isEqualTo("The provided two factor authentication code was invalid.");

        // The code confirmation used is spent; the next step's code is within the window of ±1 step.
        String next = app.code(confirmedStep + 1);
        var accepted = exchange(challenge, "code", next);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String token = accepted.json().getString("token");
        assertThat(api().get("api/user").bearer(token).send().status()).isEqualTo(200);

        var replayed = exchange(login(ann.email()).getString("challenge"), "code", next);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(422);
        var challengeAgain = exchange(challenge, "code", app.code(confirmedStep + 2));
        assertThat(challengeAgain.status())
                .as("a challenge is single-use: " + challengeAgain)
                .isEqualTo(422);

        assertThat(AuditTypes.of(api(), token))
                .contains("two-factor.enabled", "two-factor.confirmed")
                .anyMatch(e -> e.startsWith("two-factor.challenged"))
                .anyMatch(e -> e.startsWith("two-factor.failed"))
                .anyMatch(e -> e.startsWith("login.succeeded") && e.contains("two-factor=code"));
    }

    @Test
    void oneChallengeMetByEightRequestsAtOnceSignsInOnce() {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        String code = app.code(Authenticator.stepNow() + 1);
        String challenge = login(ann.email()).getString("challenge");

        var answers = Simultaneous.send(8, i -> Simultaneous.Answer.of(exchange(challenge, "code", code)));

        assertThat(answers.byStatus()).as(answers.toString()).containsExactly(Map.entry(200, 1L), Map.entry(422, 7L));
        assertThat(answers.withStatus(422))
                .allSatisfy(answer -> assertThat(answer.body()).contains("\"challenge\""));
        assertThat(AuditTypes.of(api(), ann.token()))
                .filteredOn(event -> event.startsWith("login.succeeded") && event.contains("two-factor=code"))
                .hasSize(1);
    }

    @Test
    void oneRecoveryCodeSentWithEightChallengesAtOnceSignsInOnce() {
        var ann = new Accounts(api()).register();
        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(ann.token())
                .send()
                .json();
        var app = new Authenticator(enabled.getString("secret"));
        assertThat(confirm(ann.token(), app.code(Authenticator.stepNow())).status())
                .isEqualTo(200);
        String code = recoveryCodes(enabled).get(0);
        List<String> challenges = IntStream.range(0, 8)
                .mapToObj(i -> login(ann.email()).getString("challenge"))
                .toList();

        var answers =
                Simultaneous.send(8, i -> Simultaneous.Answer.of(exchange(challenges.get(i), "recovery_code", code)));

        // Each attempt counts towards the per-user limit before it is judged, so some may be refused (429).
        assertThat(answers.count(200)).as(answers.toString()).isEqualTo(1);
        assertThat(answers.count(422) + answers.count(429))
                .as(answers.toString())
                .isEqualTo(7);
        assertThat(AuditTypes.of(api(), ann.token()))
                .filteredOn(event -> event.startsWith("two-factor.recovery-code-used"))
                .containsExactly("two-factor.recovery-code-used remaining=9");
    }

    @Test
    void aChallengeOrCodeOfTheWrongTypeOrOversizedIs422() {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        String challenge = login(ann.email()).getString("challenge");

        var numberChallenge = api().post("api/two-factor-challenge", "{\"challenge\": 12345, \"code\": \"123456\"}")
                .send();
        var listCode = api().post(
                        "api/two-factor-challenge", "{\"challenge\": \"" + challenge + "\", \"code\": [\"123456\"]}")
                .send();
        var hugeChallenge = exchange("x".repeat(60_000), "code", app.code(Authenticator.stepNow() + 1));
        var hugeCode = exchange(challenge, "code", "9".repeat(60_000));

        assertThat(numberChallenge.status()).as(numberChallenge.toString()).isEqualTo(422);
        assertThat(numberChallenge.json().getJsonObject("errors").keySet()).containsExactly("challenge");
        assertThat(listCode.status()).as(listCode.toString()).isEqualTo(422);
        assertThat(listCode.json().getJsonObject("errors").keySet()).containsExactly("code");
        assertThat(hugeChallenge.status()).as(hugeChallenge.toString()).isEqualTo(422);
        assertThat(hugeChallenge.json().getJsonObject("errors").keySet()).containsExactly("challenge");
        assertThat(hugeCode.status()).as(hugeCode.toString()).isEqualTo(422);
        assertThat(hugeCode.json().getJsonObject("errors").keySet()).containsExactly("code");
        var met = exchange(challenge, "code", app.code(Authenticator.stepNow() + 1));
        assertThat(met.status())
                .as("the challenge still works after the bad input: " + met)
                .isEqualTo(200);
    }

    @Test
    void aChallengeMetByADisabledUserSignsNobodyIn() throws SQLException {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        long confirmedStep = Authenticator.stepNow();
        String challenge = login(ann.email()).getString("challenge");
        // As if an admin disabled her between her password and her code, before the challenge was dropped.
        SuiteDatabase.update("UPDATE users SET disabled_at = now() WHERE id = " + ann.id());

        var reply = exchange(challenge, "code", app.code(confirmedStep + 1));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("challenge");
    }

    @Test
    void eachRecoveryCodeWorksOnce() {
        var ann = new Accounts(api()).register();
        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(ann.token())
                .send()
                .json();
        var app = new Authenticator(enabled.getString("secret"));
        assertThat(confirm(ann.token(), app.code(Authenticator.stepNow())).status())
                .isEqualTo(200);
        List<String> codes = recoveryCodes(enabled);

        var first = exchange(login(ann.email()).getString("challenge"), "recovery_code", codes.get(0));
        var reused = exchange(login(ann.email()).getString("challenge"), "recovery_code", codes.get(0));
        var second = exchange(login(ann.email()).getString("challenge"), "recovery_code", codes.get(1));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.json().getJsonObject("errors").containsKey("recovery_code"))
                .isTrue();
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(AuditTypes.of(api(), ann.token()))
                .anyMatch(e -> e.equals("two-factor.recovery-code-used remaining=9"))
                .anyMatch(e -> e.equals("two-factor.recovery-code-used remaining=8"));
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        var ann = new Accounts(api()).register();
        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(ann.token())
                .send()
                .json();
        assertThat(confirm(ann.token(), new Authenticator(enabled.getString("secret")).code(Authenticator.stepNow()))
                        .status())
                .isEqualTo(200);

        var renewed = api().post("api/user/two-factor-recovery-codes", withPassword())
                .bearer(ann.token())
                .send();

        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        List<String> fresh = recoveryCodes(renewed.json());
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(recoveryCodes(enabled));
        assertThat(exchange(
                                login(ann.email()).getString("challenge"),
                                "recovery_code",
                                recoveryCodes(enabled).get(0))
                        .status())
                .isEqualTo(422);
        assertThat(exchange(login(ann.email()).getString("challenge"), "recovery_code", fresh.get(0))
                        .status())
                .isEqualTo(200);
        assertThat(AuditTypes.of(api(), ann.token())).contains("two-factor.recovery-codes-regenerated");
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() throws SQLException {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        String challenge = login(ann.email()).getString("challenge");
        assertThat(SuiteDatabase.update("UPDATE two_factor_challenges SET expires_at = now() - interval '1 second'"
                        + " WHERE user_id = " + ann.id()))
                .isEqualTo(1);

        var reply = exchange(challenge, "code", app.code(Authenticator.stepNow() + 1));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").containsKey("challenge"))
                .isTrue();
    }

    @Test
    void wrongCodesAreRateLimited() {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann.token());
        String challenge = login(ann.email()).getString("challenge");

        for (int i = 0; i < 5; i++) {
            assertThat(exchange(challenge, "code", app.wrongCode()).status()).isEqualTo(422);
        }
        var locked = exchange(challenge, "code", app.code(Authenticator.stepNow() + 1));

        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();
    }

    @Test
    void enablingAndNewRecoveryCodesNeedThePassword() {
        var ann = new Accounts(api()).register();

        var noPassword = api().post("api/user/two-factor-authentication", "{}")
                .bearer(ann.token())
                .send();
        var wrongPassword = api().post("api/user/two-factor-authentication", Json.of("password", "not it"))
                .bearer(ann.token())
                .send();
        assertThat(noPassword.status()).as(noPassword.toString()).isEqualTo(422);
        assertThat(noPassword.json().getJsonObject("errors").containsKey("password"))
                .isTrue();
        assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(422);
        assertThat(wrongPassword
                        .json()
                        .getJsonObject("errors")
                        .getJsonArray("password")
                        .getString(0))
                .isEqualTo("The provided password is incorrect.");
        assertThat(status(ann.token())).isEqualTo("enabled=false confirmed=false recovery_codes_left=0");

        enableAndConfirm(ann.token());
        var renewedWithout = api().post("api/user/two-factor-recovery-codes", "{}")
                .bearer(ann.token())
                .send();
        var renewedWrong = api().post("api/user/two-factor-recovery-codes", Json.of("password", "not it"))
                .bearer(ann.token())
                .send();
        assertThat(renewedWithout.status()).as(renewedWithout.toString()).isEqualTo(422);
        assertThat(renewedWithout.json().getJsonObject("errors").containsKey("password"))
                .isTrue();
        assertThat(renewedWrong.status()).as(renewedWrong.toString()).isEqualTo(422);
        assertThat(renewedWrong.json().getJsonObject("errors").containsKey("password"))
                .isTrue();
    }

    @Test
    void aPasswordOfTheWrongTypeOrOversizedIs422() {
        var ann = new Accounts(api()).register();

        var number = api().post("api/user/two-factor-authentication", "{\"password\": 12345}")
                .bearer(ann.token())
                .send();
        var huge = api().post("api/user/two-factor-authentication", Json.of("password", "x".repeat(60_000)))
                .bearer(ann.token())
                .send();

        assertThat(number.status()).as(number.toString()).isEqualTo(422);
        assertThat(number.json()
                        .getJsonObject("errors")
                        .getJsonArray("password")
                        .getString(0))
                .isEqualTo("The password field must be a string.");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(422);
        assertThat(huge.json().getJsonObject("errors").getJsonArray("password").getString(0))
                .isEqualTo("The provided password is incorrect.");
        assertThat(status(ann.token())).isEqualTo("enabled=false confirmed=false recovery_codes_left=0");
    }

    @Test
    void disablingNeedsThePassword() {
        var ann = new Accounts(api()).register();
        enableAndConfirm(ann.token());

        var wrong = api().send(
                        "DELETE",
                        "api/user/two-factor-authentication",
                        "application/json",
                        Json.of("password", "not the password"))
                .bearer(ann.token())
                .send();
        var right = api().send(
                        "DELETE",
                        "api/user/two-factor-authentication",
                        "application/json",
                        Json.of("password", Accounts.PASSWORD))
                .bearer(ann.token())
                .send();

        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        assertThat(right.json().getString("logout_others"))
                .as("a changed factor offers to end other sessions")
                .isEqualTo("POST /api/user/sessions/logout-others");
        assertThat(login(ann.email()).containsKey("token")).isTrue();
        SuiteMail.awaitMail(ann.email(), NOTICE, 2);
        assertThat(SuiteMail.mailsTo(ann.email()))
                .extracting(SuiteMail.Mail::text)
                .anyMatch(text -> text.contains("Two-factor authentication was turned on"))
                .anyMatch(text -> text.contains("Two-factor authentication was turned off"));
        assertThat(AuditTypes.of(api(), ann.token())).contains("two-factor.disabled");
    }

    @Test
    void theStatusSaysWhetherTwoFactorIsOnAndHowManyRecoveryCodesAreLeft() {
        var ann = new Accounts(api()).register();
        assertThat(status(ann.token())).isEqualTo("enabled=false confirmed=false recovery_codes_left=0");

        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(ann.token())
                .send()
                .json();
        assertThat(status(ann.token())).isEqualTo("enabled=true confirmed=false recovery_codes_left=10");
        var app = new Authenticator(enabled.getString("secret"));
        assertThat(confirm(ann.token(), app.code(Authenticator.stepNow())).status())
                .isEqualTo(200);
        assertThat(exchange(
                                login(ann.email()).getString("challenge"),
                                "recovery_code",
                                recoveryCodes(enabled).get(0))
                        .status())
                .isEqualTo(200);

        assertThat(status(ann.token())).isEqualTo("enabled=true confirmed=true recovery_codes_left=9");
        assertThat(api().get("api/user/two-factor-authentication").send().status())
                .isEqualTo(401);
    }

    @Test
    void aNarrowTokenCannotManageTheSecondFactor() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String narrow = accounts.token(ann, "read:posts");

        assertThat(api().post("api/user/two-factor-authentication", withPassword())
                        .bearer(narrow)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().post("api/user/two-factor-authentication", withPassword())
                        .send()
                        .status())
                .isEqualTo(401);
    }

    /**
     * One user through every step of the account lifecycle; then none of the secrets involved appears in the
     * server's log (which, with SMTP configured, holds no mail either) or in what the API answers afterwards.
     */
    @Test
    void noSecretReachesTheServerLogOrALaterResponse() throws Exception {
        var ann = new Accounts(api()).register();
        String verifyLink =
                SuiteMail.awaitMail(ann.email(), "Verify your email address").link();
        String changed = "changed passphrase number 5";
        assertThat(api().put(
                                "api/user/password",
                                Json.of(
                                        "current_password",
                                        Accounts.PASSWORD,
                                        "password",
                                        changed,
                                        "password_confirmation",
                                        changed))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(200);
        LoopbackClient.anyAddress(base).post("api/forgot-password", Json.of("email", ann.email()));
        String resetMail =
                SuiteMail.awaitMail(ann.email(), "Reset your password").text();
        var resetToken = Pattern.compile("^\\s*([A-Za-z0-9]{40})\\s*$", Pattern.MULTILINE)
                .matcher(resetMail);
        assertThat(resetToken.find()).isTrue();
        String reset = "reset passphrase number 6";
        assertThat(new Accounts(api())
                        .resetPassword(resetToken.group(1), ann.email(), reset)
                        .status())
                .isEqualTo(200);
        String token = login(ann.email(), reset).getString("token");
        var enabled = api().post("api/user/two-factor-authentication", Json.of("password", reset))
                .bearer(token)
                .send()
                .json();
        var app = new Authenticator(enabled.getString("secret"));
        assertThat(confirm(token, app.code(Authenticator.stepNow())).status()).isEqualTo(200);
        String challenge = login(ann.email(), reset).getString("challenge");
        String recoveryCode = recoveryCodes(enabled).get(3);
        String session =
                exchange(challenge, "recovery_code", recoveryCode).json().getString("token");

        List<String> secrets = new ArrayList<>(List.of(
                Accounts.PASSWORD,
                changed,
                reset,
                resetToken.group(1),
                enabled.getString("secret"),
                challenge,
                verifyLink.substring(verifyLink.indexOf("signature=")),
                SuiteMail.SMTP_PASSWORD));
        secrets.addAll(recoveryCodes(enabled));
        String later = String.join(
                "\n",
                List.of(
                        api().get("api/user").bearer(session).send().body(),
                        api().get("api/dashboard").bearer(session).send().body(),
                        api().get("api/tokens").bearer(session).send().body(),
                        api().get("api/audit?per_page=100")
                                .bearer(session)
                                .send()
                                .body(),
                        api().get("api/admin/audit?per_page=100&user_id=" + ann.id())
                                .bearer(Admin.token(api()))
                                .send()
                                .body()));
        String serverLog = serverLog();
        assertThat(serverLog).contains("Payara Micro").doesNotContain("MAIL NOT SENT");
        for (String secret : secrets) {
            assertThat(serverLog).as("the server log").doesNotContain(secret);
            assertThat(later).as("later responses").doesNotContain(secret);
        }
    }

    /** Everything Payara Micro has logged in this run: {@code payara-micro.log} and its rotated files. */
    private static String serverLog() throws IOException {
        Path log = Path.of(System.getProperty("lanyard.it.micro.log"));
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith(log.getFileName().toString()))
                    .toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private String status(String token) {
        var reply =
                api().get("api/user/two-factor-authentication").bearer(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject status = reply.json();
        assertThat(status.keySet()).containsExactlyInAnyOrder("enabled", "confirmed", "recovery_codes_left");
        return "enabled=" + status.getBoolean("enabled") + " confirmed=" + status.getBoolean("confirmed")
                + " recovery_codes_left=" + status.getInt("recovery_codes_left");
    }

    private Authenticator enableAndConfirm(String token) {
        var enabled = api().post("api/user/two-factor-authentication", withPassword())
                .bearer(token)
                .send();
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        var app = new Authenticator(enabled.json().getString("secret"));
        var confirmed = confirm(token, app.code(Authenticator.stepNow()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getString("logout_others")).isEqualTo("POST /api/user/sessions/logout-others");
        return app;
    }

    private Api.Reply confirm(String token, String code) {
        return api().post("api/user/confirmed-two-factor-authentication", Json.of("code", code))
                .bearer(token)
                .send();
    }

    private JsonObject login(String email) {
        return login(email, Accounts.PASSWORD);
    }

    private JsonObject login(String email, String password) {
        var reply = api().post("api/login", Json.of("email", email, "password", password))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Api.Reply exchange(String challenge, String field, String code) {
        return api().post("api/two-factor-challenge", Json.of("challenge", challenge, field, code))
                .send();
    }

    private static String withPassword() {
        return Json.of("password", Accounts.PASSWORD);
    }

    private static List<String> recoveryCodes(JsonObject body) {
        return body.getJsonArray("recovery_codes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
