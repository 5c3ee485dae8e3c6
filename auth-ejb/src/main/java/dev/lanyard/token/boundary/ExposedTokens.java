package dev.lanyard.token.boundary;

import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.throttle.control.LoginThrottle.Limit;
import dev.lanyard.throttle.control.RateLimits;
import dev.lanyard.token.control.TokenNotices;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens someone found exposed, a secret scanner above all, as GitHub's credential revocation API takes them:
 * whoever reports may not learn which strings were tokens, so the outcome is the same either way, and each live
 * token among them is revoked and its owner told.
 */
@Stateless
public class ExposedTokens {

    @Inject
    LoginThrottle throttle;

    @Inject
    RequestOrigin origin;

    @Inject
    @ConfigProperty(name = "lanyard.credentials.max-reports-per-address", defaultValue = "10")
    int maxReportsPerAddress;

    @Inject
    TokenSettings settings;

    @Inject
    TokenNotices notices;

    @EJB
    Tokens tokens;

    @EJB
    StoredTokens storedTokens;

    private final Clock clock = Clock.systemUTC();

    /**
     * Counts the report against the client address first; then a string that is not a well-formed token (its
     * checksum decides) costs no database work, and each live token listed is revoked, once even when reported
     * by several at once.
     */
    public void report(Collection<String> credentials) {
        RateLimits.count(throttle, new Limit("credentials-report-ip|" + origin.ip(), maxReportsPerAddress));
        Instant now = clock.instant();
        credentials.stream()
                .filter(Objects::nonNull)
                .distinct()
                .map(PlainTextToken::parse)
                .flatMap(Optional::stream)
                .forEach(presented -> storedTokens
                        .find(presented)
                        .filter(token -> token.matches(presented.sha256Hex()))
                        .filter(token -> token.effectiveExpiry(settings.lifetime())
                                .map(now::isBefore)
                                .orElse(true))
                        .ifPresent(this::revoke));
    }

    private void revoke(AccessToken token) {
        tokens.revokeOnce(token, AuditEvent.TOKEN_REPORTED, RevokeReason.REPORTED)
                .ifPresent(owner -> notices.reported(owner, token.name()));
    }
}
