package dev.lanyard.it.account;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import dev.lanyard.it.support.SuiteMail;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The signed, expiring link of the verification mail, followed as a mail reader would. */
class EmailVerificationIT extends MicroTest {

    private static final String SUBJECT = "Verify your email address";

    @Test
    void registrationMailsALinkThatVerifiesTheAddress() {
        var ann = new Accounts(api()).register();
        var mail = SuiteMail.awaitMail(ann.email(), SUBJECT);
        assertThat(api().get("api/user").bearer(ann.token()).send().json().isNull("email_verified_at"))
                .isTrue();
        assertThat(mail.html()).contains(mail.link().replace("&", "&amp;"));

        var reply = follow(mail.link());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(ann.token()).send().json().getString("email_verified_at"))
                .isNotBlank();
        assertThat(AuditTypes.of(api(), ann.token())).contains("email.verification-sent", "email.verified");
    }

    @Test
    void aTamperedLinkIs403AndVerifiesNothing() {
        var ann = new Accounts(api()).register();
        String link = SuiteMail.awaitMail(ann.email(), SUBJECT).link();
        var parts = Link.of(link);

        for (String tampered : new String[] {
            link.replace("/verify/" + ann.id() + "/", "/verify/" + (ann.id() + 1) + "/"),
            link.replace(
                    parts.hash(),
                    parts.hash().replace(parts.hash().charAt(0), parts.hash().charAt(0) == 'a' ? 'b' : 'a')),
            link.replace("expires=" + parts.expires(), "expires=" + (parts.expires() + 3600)),
            link.replace(
                    "signature=" + parts.signature(),
                    "signature=" + parts.signature().substring(1) + "A"),
            link.substring(0, link.indexOf("&signature=")),
            link.replace("expires=" + parts.expires(), "expires=soon")
        }) {
            var reply = follow(tampered);
            assertThat(reply.status()).as(tampered + " → " + reply).isEqualTo(403);
            assertThat(reply.json().getString("message")).isEqualTo("Invalid signature.");
        }
        assertThat(api().get("api/user").bearer(ann.token()).send().json().isNull("email_verified_at"))
                .isTrue();
        assertThat(follow(link).status()).isEqualTo(200);
    }

    @Test
    void aCorrectlySignedLinkIs403OnceExpired() throws Exception {
        var ann = new Accounts(api()).register();
        var parts = Link.of(SuiteMail.awaitMail(ann.email(), SUBJECT).link());
        long past = Instant.now().getEpochSecond() - 1;
        // Signed as the server signs, with the server's own key: only the expiry makes it wrong.
        String signature = sign("email-verification", ann.id() + "/" + parts.hash() + "/" + past);

        var reply = api().get("api/email/verify/" + ann.id() + "/" + parts.hash() + "?expires=" + past + "&signature="
                        + signature)
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.json().getString("message")).isEqualTo("This verification link has expired.");
        assertThat(api().get("api/user").bearer(ann.token()).send().json().isNull("email_verified_at"))
                .isTrue();
        assertThat(AuditTypes.of(api(), ann.token())).anyMatch(e -> e.startsWith("email.verification-failed"));
    }

    @Test
    void aNewLinkIsSentOnRequestUntilTheAddressIsVerified() {
        var ann = new Accounts(api()).register();
        SuiteMail.awaitMail(ann.email(), SUBJECT);

        var resend = api().post("api/email/verification-notification")
                .bearer(ann.token())
                .send();
        var second = SuiteMail.awaitMail(ann.email(), SUBJECT, 2);
        assertThat(follow(second.link()).status()).isEqualTo(200);
        var afterwards = api().post("api/email/verification-notification")
                .bearer(ann.token())
                .send();

        assertThat(resend.status()).as(resend.toString()).isEqualTo(202);
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
        assertThat(afterwards.json().getString("message")).isEqualTo("Your email address is already verified.");
        assertThat(api().post("api/email/verification-notification").send().status())
                .isEqualTo(401);
    }

    @Test
    void askingForNewLinksIsRateLimited() {
        var ann = new Accounts(api()).register();

        for (int i = 0; i < 5; i++) {
            assertThat(api().post("api/email/verification-notification")
                            .bearer(ann.token())
                            .send()
                            .status())
                    .isEqualTo(202);
        }
        var sixth = api().post("api/email/verification-notification")
                .bearer(ann.token())
                .send();

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isPresent();
    }

    private Api.Reply follow(String link) {
        URI uri = URI.create(link);
        return api().get(uri.getRawPath().substring(base.getPath().length()) + "?" + uri.getRawQuery())
                .send();
    }

    private static String sign(String purpose, String payload) throws Exception {
        byte[] key;
        try (var connection = SuiteDatabase.current().connect();
                var rows = connection.createStatement().executeQuery("SELECT secret FROM signing_key WHERE id = 1")) {
            rows.next();
            key = rows.getBytes(1);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(purpose.getBytes(UTF_8));
        mac.update((byte) 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(UTF_8)));
    }

    /** The parts of {@code /api/email/verify/{id}/{hash}?expires=…&signature=…}. */
    private record Link(String hash, long expires, String signature) {
        static Link of(String link) {
            URI uri = URI.create(link);
            String[] path = uri.getRawPath().split("/");
            String query = uri.getRawQuery();
            return new Link(
                    path[path.length - 1],
                    Long.parseLong(query.replaceAll(".*expires=([0-9]+).*", "$1")),
                    query.replaceAll(".*signature=([^&]+).*", "$1"));
        }
    }
}
