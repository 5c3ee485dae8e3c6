package dev.lanyard.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final OutgoingMail mail = MailTemplates.render(
            "verify-email",
            "ann@example.com",
            Map.of(
                    "name",
                    "Ann <b>",
                    "email",
                    "ann@example.com",
                    "link",
                    "https://x.test/verify?a=1&b=2",
                    "expires",
                    "2026-01-01T00:00:00Z"));

    @Test
    void theFirstLineOfTheTextTemplateIsTheSubject() {
        assertThat(mail.subject()).isEqualTo("Verify your email address");
        assertThat(mail.text()).startsWith("Hello Ann <b>,").contains("\nhttps://x.test/verify?a=1&b=2\n");
    }

    @Test
    void valuesAreEscapedInTheHtmlPart() {
        assertThat(mail.html())
                .contains("Hello Ann &lt;b&gt;,")
                .contains("href=\"https://x.test/verify?a=1&amp;b=2\"")
                .doesNotContain("{{");
    }

    @Test
    void aMailNeverPrintsItsBody() {
        assertThat(mail.toString()).doesNotContain("https://x.test").contains("Verify your email address");
    }
}
