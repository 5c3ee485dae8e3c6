package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.signature.boundary.Signatures;
import dev.lanyard.signature.control.Hmac;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private final CsrfTokens csrf = new CsrfTokens();

    CsrfTokensTest() {
        Hmac hmac = new Hmac(new byte[32]);
        csrf.signatures = new Signatures() {
            @Override
            public String sign(String purpose, String payload) {
                return hmac.sign(purpose, payload);
            }

            @Override
            public boolean verifies(String purpose, String payload, String signature) {
                return hmac.verifies(purpose, payload, signature);
            }
        };
    }

    @Test
    void aTokenEchoedInTheHeaderIsAcceptedForItsOwnSession() {
        String guest = csrf.issue(Optional.empty());
        String session = csrf.issue(Optional.of(7L));

        assertThat(csrf.accepts(guest, guest, Optional.empty())).isTrue();
        assertThat(csrf.accepts(session, session, Optional.of(7L))).isTrue();
        assertThat(guest).matches("[A-Za-z0-9_-]+\\.guest\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenOfAnotherSessionOrOfNoneIsRefused() {
        String guest = csrf.issue(Optional.empty());
        String session = csrf.issue(Optional.of(7L));

        assertThat(csrf.accepts(guest, guest, Optional.of(7L))).isFalse();
        assertThat(csrf.accepts(session, session, Optional.of(8L))).isFalse();
        assertThat(csrf.accepts(session, session, Optional.empty())).isFalse();
    }

    @Test
    void aMissingHeaderAMismatchOrAForgedSignatureIsRefused() {
        String token = csrf.issue(Optional.empty());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        String rebound = token.replace(".guest.", ".s7.");

        assertThat(csrf.accepts(token, null, Optional.empty())).isFalse();
        assertThat(csrf.accepts(null, token, Optional.empty())).isFalse();
        assertThat(csrf.accepts(token, csrf.issue(Optional.empty()), Optional.empty()))
                .isFalse();
        assertThat(csrf.accepts(forged, forged, Optional.empty())).isFalse();
        assertThat(csrf.accepts(rebound, rebound, Optional.of(7L))).isFalse();
        assertThat(csrf.accepts("no-dots", "no-dots", Optional.empty())).isFalse();
    }
}
