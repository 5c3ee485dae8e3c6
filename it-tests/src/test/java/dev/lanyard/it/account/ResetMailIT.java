package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteMail;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a reset mail carries and how long its token lives, read from the real mail. */
class ResetMailIT extends MicroTest {

    private static final String RESET = "Reset your password";
    private static final String NEW_PASSWORD = "a brand new passphrase 42";
    private static final String INVALID = "This password reset token is invalid.";

    @Test
    void aForeignHostHeaderDoesNotSteerTheLink() {
        var ann = new Accounts(api()).register();

        var reply = LoopbackClient.anyAddress(base)
                .post("api/forgot-password", Json.of("email", ann.email()), "Host: attacker.example");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String link = SuiteMail.awaitMail(ann.email(), RESET).link();
        assertThat(link).doesNotContain("attacker.example").startsWith(SuiteMail.appUrl() + "reset-password?token=");
    }

    @Test
    void aResetTokenDiesWithThePasswordItWasIssuedFor() {
        var ann = new Accounts(api()).register();
        String first = requestReset(ann.email(), 1);
        String second = requestReset(ann.email(), 2);

        var withFirst = reset(first, ann.email(), NEW_PASSWORD);
        assertThat(withFirst.status())
                .as("a second request replaces the first: " + withFirst)
                .isEqualTo(422);

        var change = api().put(
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
        assertThat(change.status()).as(change.toString()).isEqualTo(200);

        var withSecond = reset(second, ann.email(), "what the thief would choose");
        assertThat(withSecond.status())
                .as("issued for the old password: " + withSecond)
                .isEqualTo(422);
        assertThat(withSecond
                        .json()
                        .getJsonObject("errors")
                        .getJsonArray("email")
                        .getString(0))
                .isEqualTo(INVALID);
        assertThat(api().post("api/login", Json.of("email", ann.email(), "password", NEW_PASSWORD))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void simultaneousResetsWithOneTokenHaveOneWinner() {
        var ann = new Accounts(api()).register();
        String token = requestReset(ann.email(), 1);
        List<String> passwords = List.of(
                "first racer passphrase",
                "second racer passphrase",
                "third racer passphrase",
                "fourth racer passphrase");

        List<Api.Reply> replies = Simultaneous.all(passwords.size(), i -> reset(token, ann.email(), passwords.get(i)));

        assertThat(replies)
                .as(replies.toString())
                .filteredOn(reply -> reply.status() == 200)
                .hasSize(1);
        assertThat(replies)
                .as(replies.toString())
                .filteredOn(reply -> reply.status() == 422)
                .hasSize(3)
                .allSatisfy(reply -> assertThat(reply.json()
                                .getJsonObject("errors")
                                .getJsonArray("email")
                                .getString(0))
                        .isEqualTo(INVALID));
        String winner =
                passwords.get(replies.stream().map(Api.Reply::status).toList().indexOf(200));
        assertThat(api().post("api/login", Json.of("email", ann.email(), "password", winner))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    /** Asks for the {@code count}th reset mail to {@code email} and answers its token. */
    private String requestReset(String email, int count) {
        var reply = LoopbackClient.anyAddress(base).post("api/forgot-password", Json.of("email", email));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var mail = SuiteMail.awaitMail(email, RESET, count);
        var token = Pattern.compile("^\\s*([A-Za-z0-9]{40})\\s*$", Pattern.MULTILINE)
                .matcher(mail.text());
        assertThat(token.find()).as(mail.text()).isTrue();
        return token.group(1);
    }

    private Api.Reply reset(String token, String email, String password) {
        return new Accounts(api()).resetPassword(token, email, password);
    }
}
