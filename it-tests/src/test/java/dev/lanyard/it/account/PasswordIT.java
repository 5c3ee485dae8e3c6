package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import dev.lanyard.it.support.SuiteMail;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Changing a password, and resetting a forgotten one with the token from a real mail. */
class PasswordIT extends MicroTest {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";
    private static final String RESET = "Reset your password";
    private static final String NOTICE = "Your account's security settings changed";

    @Test
    void aWrongCurrentPasswordIs422AndChangesNothing() {
        var ann = new Accounts(api()).register();
        String other = login(ann.email(), Accounts.PASSWORD);

        var reply = api().put(
                        "api/user/password",
                        Json.of(
                                "current_password",
                                "not the password at all",
                                "password",
                                NEW_PASSWORD,
                                "password_confirmation",
                                NEW_PASSWORD))
                .bearer(ann.token())
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json()
                        .getJsonObject("errors")
                        .getJsonArray("current_password")
                        .getString(0))
                .isEqualTo("The provided password does not match your current password.");
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(200);
        assertThat(login(ann.email(), Accounts.PASSWORD)).isNotBlank();
        assertThat(AuditTypes.of(api(), ann.token())).contains("password.change-failed");
    }

    @Test
    void aChangeRevokesEveryOtherTokenAndKeepsTheCallingOne() {
        var ann = new Accounts(api()).register();
        String other = login(ann.email(), Accounts.PASSWORD);

        var reply = api().put(
                        "api/user/password",
                        Json.of(
                                "current_password",
                                Accounts.PASSWORD,
                                "password",
                                NEW_PASSWORD,
                                "password_confirmation",
                                NEW_PASSWORD))
                .bearer(ann.token())
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
        assertThat(api().post("api/login", Json.of("email", ann.email(), "password", Accounts.PASSWORD))
                        .send()
                        .status())
                .isEqualTo(422);
        assertThat(login(ann.email(), NEW_PASSWORD)).isNotBlank();
        assertThat(SuiteMail.awaitMail(ann.email(), NOTICE).text()).contains("Your password was changed");
        assertThat(AuditTypes.of(api(), ann.token()))
                .contains("password.changed")
                .anyMatch(e -> e.startsWith("token.revoked") && e.contains("reason=password-change"));
    }

    @Test
    void aNewPasswordFollowsThePasswordRulesAndANarrowTokenMayNotChangeIt() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String narrow = accounts.token(ann, "read:posts");

        var weak = api().put(
                        "api/user/password",
                        Json.of(
                                "current_password",
                                Accounts.PASSWORD,
                                "password",
                                "short",
                                "password_confirmation",
                                "short"))
                .bearer(ann.token())
                .send();
        var byNarrowToken = api().put(
                        "api/user/password",
                        Json.of(
                                "current_password",
                                Accounts.PASSWORD,
                                "password",
                                NEW_PASSWORD,
                                "password_confirmation",
                                NEW_PASSWORD))
                .bearer(narrow)
                .send();

        assertThat(weak.status()).as(weak.toString()).isEqualTo(422);
        assertThat(weak.json().getJsonObject("errors").containsKey("password")).isTrue();
        assertThat(byNarrowToken.status()).as(byNarrowToken.toString()).isEqualTo(403);
    }

    @Test
    void forgotPasswordAnswersAnUnknownEmailExactlyLikeAKnownOneAndMailsNothing() {
        var ann = new Accounts(api()).register();
        String unknown = Accounts.uniqueEmail();

        var forUnknown = forgot(unknown);
        var forKnown = forgot(ann.email());

        assertThat(forUnknown.status()).isEqualTo(200);
        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(SuiteMail.awaitMail(ann.email(), RESET).text()).contains(ann.email());
        // The known address's mail was sent after the unknown one's request; give a stray mail time to show.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SuiteMail.mailsTo(unknown).isEmpty());
        String admin = Admin.token(api());
        var audit = api().get("api/admin/audit?type=password.reset-requested&per_page=100")
                .bearer(admin)
                .send();
        assertThat(audit.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .anyMatch(e -> e.getString("detail").contains(unknown.toLowerCase()))
                .anyMatch(
                        e -> !e.isNull("user_id") && e.getJsonNumber("user_id").longValue() == ann.id());
    }

    @Test
    void aResetTokenFromTheMailWorksOnceAndRevokesEveryToken() {
        var ann = new Accounts(api()).register();
        String other = login(ann.email(), Accounts.PASSWORD);
        forgot(ann.email());
        var mail = SuiteMail.awaitMail(ann.email(), RESET);
        String token = resetToken(mail);
        assertThat(mail.html()).contains(token);

        var reset = reset(token, ann.email(), NEW_PASSWORD);
        var again = reset(token, ann.email(), "yet another passphrase 7");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(401);
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json().getJsonObject("errors").getJsonArray("email").getString(0))
                .isEqualTo("This password reset token is invalid.");
        String fresh = login(ann.email(), NEW_PASSWORD);
        assertThat(SuiteMail.awaitMail(ann.email(), NOTICE).text()).contains("Your password was reset");
        assertThat(AuditTypes.of(api(), fresh))
                .contains("password.reset")
                .anyMatch(e -> e.startsWith("password.reset-failed"))
                .anyMatch(e -> e.startsWith("password.reset-requested"))
                .anyMatch(e -> e.startsWith("token.revoked") && e.contains("reason=password-reset"));
    }

    @Test
    void aResetTokenIsRefusedAfterItsExpiry() throws SQLException {
        var ann = new Accounts(api()).register();
        forgot(ann.email());
        String token = resetToken(SuiteMail.awaitMail(ann.email(), RESET));
        // An hour and a second ago, as lanyard.password-reset.expire-minutes (60) counts.
        assertThat(SuiteDatabase.update("UPDATE password_reset_tokens SET created_at = now() - interval '3601 seconds'"
                        + " WHERE user_id = " + ann.id()))
                .isEqualTo(1);

        var reply = reset(token, ann.email(), NEW_PASSWORD);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
    }

    @Test
    void aResetTokenWorksOnlyForTheEmailItWasSentTo() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        forgot(ann.email());
        String annsToken = resetToken(SuiteMail.awaitMail(ann.email(), RESET));

        var forBob = reset(annsToken, bob.email(), NEW_PASSWORD);

        assertThat(forBob.status()).as(forBob.toString()).isEqualTo(422);
        assertThat(login(bob.email(), Accounts.PASSWORD)).isNotBlank();
        assertThat(reset(annsToken, ann.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void forgotPasswordIsRateLimitedPerEmailAndPerClientAddress() {
        var ann = new Accounts(api()).register();
        for (int i = 0; i < 5; i++) {
            assertThat(forgot(ann.email()).status()).isEqualTo(200);
        }
        var sixthForEmail = forgot(ann.email());
        var oneAddress = LoopbackClient.anyAddress(base);
        for (int i = 0; i < 5; i++) {
            assertThat(oneAddress
                            .post("api/forgot-password", Json.of("email", Accounts.uniqueEmail()))
                            .status())
                    .isEqualTo(200);
        }
        var sixthFromAddress = oneAddress.post("api/forgot-password", Json.of("email", Accounts.uniqueEmail()));

        assertThat(sixthForEmail.status()).as(sixthForEmail.toString()).isEqualTo(429);
        assertThat(sixthForEmail.head()).containsIgnoringCase("Retry-After:");
        assertThat(sixthFromAddress.status()).as(sixthFromAddress.toString()).isEqualTo(429);
        assertThat(forgot(Accounts.uniqueEmail()).status()).isEqualTo(200);
    }

    @Test
    void badInputHasTheValidationShape() {
        var noEmail = api().post("api/forgot-password", Json.of("email", "not an email"))
                .send();
        var noToken = api().post(
                        "api/reset-password",
                        Json.of(
                                "email",
                                Accounts.uniqueEmail(),
                                "password",
                                NEW_PASSWORD,
                                "password_confirmation",
                                NEW_PASSWORD))
                .send();

        assertThat(noEmail.status()).as(noEmail.toString()).isEqualTo(422);
        assertThat(noEmail.json().getJsonObject("errors").containsKey("email")).isTrue();
        assertThat(noToken.status()).as(noToken.toString()).isEqualTo(422);
        assertThat(noToken.json().getJsonObject("errors").containsKey("token")).isTrue();
    }

    /** Each request from an address of its own, so the per-address limit is the rate-limit test's alone. */
    private LoopbackClient.Reply forgot(String email) {
        return LoopbackClient.anyAddress(base).post("api/forgot-password", Json.of("email", email));
    }

    private Api.Reply reset(String token, String email, String password) {
        return new Accounts(api()).resetPassword(token, email, password);
    }

    private String login(String email, String password) {
        var reply = api().post("api/login", Json.of("email", email, "password", password))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("token");
    }

    private static String resetToken(SuiteMail.Mail mail) {
        var token = Pattern.compile("^\\s*([A-Za-z0-9]{40})\\s*$", Pattern.MULTILINE)
                .matcher(mail.text());
        assertThat(token.find()).as(mail.text()).isTrue();
        return token.group(1);
    }
}
