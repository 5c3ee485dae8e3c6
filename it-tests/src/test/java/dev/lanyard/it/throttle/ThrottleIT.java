package dev.lanyard.it.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Accounts.Account;
import dev.lanyard.it.support.Authenticator;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.Simultaneous.Answer;
import dev.lanyard.it.support.Simultaneous.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every throttle counts an attempt before judging it, so of many attempts sent at once at most the limit are
 * judged and the others answer 429 with Retry-After, never 5xx.
 */
class ThrottleIT extends MicroTest {

    /** {@code lanyard.login.max-attempts}, left at its default by the suite. */
    private static final int MAX_ATTEMPTS = 5;

    private static final int AT_ONCE = 20;
    /** The suite's {@code lanyard.register.max-attempts}: high, as every test registers from one address. */
    private static final int MAX_REGISTRATIONS = Integer.getInteger("lanyard.it.register.max-attempts");

    @Test
    void wrongLoginsForOneEmailSentAtOnceAreJudgedAtMostTheLimit() {
        var ann = new Accounts(api()).register();
        var oneAddress = LoopbackClient.anyAddress(base);

        var answers = Simultaneous.send(
                AT_ONCE,
                i -> Answer.of(oneAddress.post(
                        "api/login", Json.of("email", ann.email(), "password", "not the password " + i))));

        assertJudgedAtMost(MAX_ATTEMPTS, 422, answers);
        assertThat(oneAddress
                        .post("api/login", Json.of("email", ann.email(), "password", Accounts.PASSWORD))
                        .status())
                .as("even the right password waits")
                .isEqualTo(429);
    }

    @Test
    void wrongTwoFactorCodesSentAtOnceAreJudgedAtMostTheLimit() {
        var ann = new Accounts(api()).register();
        var app = enableAndConfirm(ann);
        String challenge = api().post("api/login", Json.of("email", ann.email(), "password", Accounts.PASSWORD))
                .send()
                .json()
                .getString("challenge");

        var answers = Simultaneous.send(
                AT_ONCE,
                i -> Answer.of(
                        api().post("api/two-factor-challenge", Json.of("challenge", challenge, "code", app.wrongCode()))
                                .send()));

        assertJudgedAtMost(MAX_ATTEMPTS, 422, answers);
    }

    @Test
    void wrongCurrentPasswordsSentAtOnceAreJudgedAtMostTheLimit() {
        var ann = new Accounts(api()).register();
        String changed = "a new passphrase for ann";

        var answers = Simultaneous.send(
                AT_ONCE,
                i -> Answer.of(api().put(
                                "api/user/password",
                                Json.of(
                                        "current_password",
                                        "not the password " + i,
                                        "password",
                                        changed,
                                        "password_confirmation",
                                        changed))
                        .bearer(ann.token())
                        .send()));

        assertJudgedAtMost(MAX_ATTEMPTS, 422, answers);
        answers.withStatus(422).forEach(judged -> assertThat(judged.body()).contains("current_password"));
    }

    @Test
    void forgotPasswordRequestsSentAtOnceAreJudgedAtMostTheLimit() {
        var ann = new Accounts(api()).register();
        var oneAddress = LoopbackClient.anyAddress(base);

        var answers = Simultaneous.send(
                AT_ONCE, i -> Answer.of(oneAddress.post("api/forgot-password", Json.of("email", ann.email()))));

        assertJudgedAtMost(MAX_ATTEMPTS, 200, answers);
    }

    @Test
    void verificationMailsAskedForAtOnceAreSentAtMostTheLimit() {
        var ann = new Accounts(api()).register();

        var answers = Simultaneous.send(
                AT_ONCE,
                i -> Answer.of(api().post("api/email/verification-notification")
                        .bearer(ann.token())
                        .send()));

        assertJudgedAtMost(MAX_ATTEMPTS, 202, answers);
    }

    /** Each of the password checks that guard the second factor: an oracle for the password unless throttled. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST api/user/two-factor-authentication",
                "POST api/user/two-factor-recovery-codes",
                "DELETE api/user/two-factor-authentication"
            })
    void wrongPasswordsForTheSecondFactorSentAtOnceAreJudgedAtMostTheLimit(String route) {
        var ann = new Accounts(api()).register();
        enableAndConfirm(ann);
        String[] methodAndPath = route.split(" ");

        var answers = Simultaneous.send(
                AT_ONCE,
                i -> Answer.of(api().send(
                                methodAndPath[0],
                                methodAndPath[1],
                                "application/json",
                                Json.of("password", "not the password " + i))
                        .bearer(ann.token())
                        .send()));

        assertJudgedAtMost(MAX_ATTEMPTS, 422, answers);
        answers.withStatus(422).forEach(judged -> assertThat(judged.body()).contains("password"));
    }

    @Test
    void registrationsFromOneAddressAreLimitedPerDecayWindow() {
        var oneAddress = LoopbackClient.anyAddress(base);
        int extra = 20;

        // Refused by the password rules after they count: cheap, as no hash is made.
        var answers = Simultaneous.send(
                MAX_REGISTRATIONS + extra,
                i -> Answer.of(oneAddress.post(
                        "api/register",
                        Json.of(
                                "name",
                                "Flood",
                                "email",
                                Accounts.uniqueEmail(),
                                "password",
                                Accounts.PASSWORD,
                                "password_confirmation",
                                "does not match"))));

        assertJudgedAtMost(MAX_REGISTRATIONS, 422, answers);
        assertThat(answers.count(429)).isGreaterThanOrEqualTo(extra);
        var valid = Json.of(
                "name",
                "Late",
                "email",
                Accounts.uniqueEmail(),
                "password",
                Accounts.PASSWORD,
                "password_confirmation",
                Accounts.PASSWORD);
        var late = oneAddress.post("api/register", valid);
        assertThat(late.status()).as(late.toString()).isEqualTo(429);
        assertThat(late.header("Retry-After")).isPresent();
        var elsewhere = LoopbackClient.anyAddress(base).post("api/register", valid);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
    }

    /** At least one attempt and at most {@code limit} judged; every other one 429 with a sane Retry-After. */
    private static void assertJudgedAtMost(int limit, int judgedStatus, Answers answers) {
        assertThat(answers.all())
                .as(answers.toString())
                .allSatisfy(answer -> assertThat(answer.status()).isIn(judgedStatus, 429));
        assertThat(answers.count(judgedStatus)).as(answers.toString()).isBetween(1L, (long) limit);
        assertThat(answers.withStatus(429))
                .allSatisfy(refused -> assertThat(refused.retryAfter())
                        .hasValueSatisfying(
                                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60)));
    }

    private Authenticator enableAndConfirm(Account account) {
        var enabled = api().post("api/user/two-factor-authentication", Json.of("password", Accounts.PASSWORD))
                .bearer(account.token())
                .send();
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        var app = new Authenticator(enabled.json().getString("secret"));
        var confirmed = api().post(
                        "api/user/confirmed-two-factor-authentication",
                        Json.of("code", app.code(Authenticator.stepNow())))
                .bearer(account.token())
                .send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return app;
    }
}
