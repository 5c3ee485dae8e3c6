package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.Unauthenticated;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import dev.lanyard.token.entity.TokenOwner;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Issues tokens: at sign-in (an API token or a browser session), on a user's or an API client's request within the
 * policy, and on refresh. Whatever it issues is audited and counted.
 */
@Stateless
public class TokenIssuer {

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSettings settings;

    @EJB
    AuditTrail audit;

    @Inject
    AuthMetrics metrics;

    @Inject
    Evictions evictions;

    @EJB
    Tokens tokens;

    private final Clock clock = Clock.systemUTC();

    public IssuedToken issue(TokenOwner owner, String name, Abilities abilities, Instant expiresAt) {
        String secret = PlainTextToken.newSecret(settings.prefix(), Secrets.random());
        var token = new AccessToken(owner, name, Hashes.sha256Hex(secret), abilities, clock.instant(), expiresAt);
        em.persist(token);
        em.flush();
        audit.recordAboutToken(
                AuditEvent.TOKEN_CREATED,
                owner.auditedUserId(),
                token.id(),
                owner.kind() + "=" + owner.id() + " name=" + name + " abilities=" + abilities.toJson());
        metrics.tokenIssued();
        return new IssuedToken(token, PlainTextToken.format(token.id(), secret));
    }

    /**
     * A browser session for a single-page app: a token with every ability that expires after
     * {@code lanyard.session.lifetime-minutes}, whose plain text goes into an HttpOnly cookie.
     */
    public IssuedToken issueSession(TokenOwner owner) {
        String secret = PlainTextToken.newSecret(settings.prefix(), Secrets.random());
        Instant now = clock.instant();
        var session = AccessToken.session(
                owner, SignIn.SESSION_NAME, Hashes.sha256Hex(secret), now, now.plus(settings.sessionLifetime()));
        em.persist(session);
        em.flush();
        audit.recordAboutToken(
                AuditEvent.TOKEN_CREATED,
                owner.auditedUserId(),
                session.id(),
                owner.kind() + "=" + owner.id() + " session");
        return new IssuedToken(session, PlainTextToken.format(session.id(), secret));
    }

    /** What registration and login hand out: an API token or a browser session. */
    public IssuedToken signIn(TokenOwner owner, SignIn signIn) {
        return signIn.session() ? issueSession(owner) : issue(owner, signIn.deviceName(), Abilities.all(), null);
    }

    /**
     * The end of every successful login, by password or by a second factor ({@code how} says which, for the audit
     * trail): recorded, counted, and answered with an API token or a browser session's secret.
     */
    public String completeLogin(User user, SignIn signIn, String how) {
        audit.record(AuditEvent.LOGIN_SUCCEEDED, user.id(), signIn.auditDetail() + how);
        metrics.loginSucceeded();
        return signIn(user, signIn).plainText();
    }

    /**
     * A new token for the caller's owner, with no more abilities than the caller's own token and no longer life:
     * with no {@code expiresAt} it ends when the caller's token does (its own expiry, or the end of
     * {@code lanyard.token.expiration-minutes} from its creation), and a later one is refused. A browser session
     * is the account holder signed in, not a delegate, so what it creates is bound only by the rules for all:
     * the policy's {@code lanyard.token.max-lifetime-days}, also the default expiry, and
     * {@code lanyard.token.max-per-user} live tokens.
     */
    public IssuedToken create(
            AuthenticatedToken caller, String name, Optional<Abilities> requested, Optional<Instant> expiresAt) {
        Abilities abilities = requested.orElse(caller.abilities());
        caller.requireCovers(abilities);
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw Invalid.field("expires_at", "The expires at field must be a date after now.");
        }
        Optional<Instant> policyEnds = settings.maxLifetime().map(now::plus);
        if (policyEnds.isPresent() && expiresAt.isPresent() && expiresAt.get().isAfter(policyEnds.get())) {
            throw Invalid.field(
                    "expires_at",
                    "The expires at field must be a date within "
                            + settings.maxLifetime().get().toDays() + " days from now.");
        }
        Optional<Instant> callerEnds = caller.session() ? Optional.empty() : endOf(caller);
        if (callerEnds.isPresent() && expiresAt.isPresent() && expiresAt.get().isAfter(callerEnds.get())) {
            throw Invalid.field(
                    "expires_at", "The expires at field must be a date before or equal to " + callerEnds.get() + ".");
        }
        // Locked, so that of creations sent at once no more pass the count than the limit allows.
        TokenOwner owner = em.find(TokenOwner.class, caller.ownerId(), LockModeType.PESSIMISTIC_WRITE);
        requireRoomFor(owner, now);
        Optional<Instant> latest =
                Stream.of(callerEnds, policyEnds).flatMap(Optional::stream).min(Comparator.naturalOrder());
        return issue(owner, name, abilities, expiresAt.or(() -> latest).orElse(null));
    }

    private void requireRoomFor(TokenOwner owner, Instant now) {
        OptionalInt max = settings.maxPerUser();
        if (max.isEmpty()) {
            return;
        }
        long live = em.createNamedQuery(AccessToken.COUNT_LIVE_OF_OWNER, Long.class)
                .setParameter("owner", owner.id())
                .setParameter("now", now)
                .setParameter(
                        "createdAfter", settings.lifetime().map(now::minus).orElse(Instant.EPOCH))
                .getSingleResult();
        if (live >= max.getAsInt()) {
            throw Invalid.field(
                    "name",
                    "You have " + live + " live API tokens, the most allowed: revoke one you no"
                            + " longer use first.");
        }
    }

    /**
     * Replaces the caller's token with a new one of the same name, abilities and expiry. Without a grace the old
     * token is revoked at once; with one it keeps working until the new one is first used
     * ({@link #retirePredecessor}) or the grace ends. The old token is marked rotated under its row lock first, so
     * of concurrent refreshes with one token exactly one gets a new token; the others are refused.
     */
    public IssuedToken refresh(AuthenticatedToken caller, Duration grace) {
        if (caller.session()) {
            throw new Forbidden("A browser session is renewed by signing in again, not refreshed into a token.");
        }
        Duration maxGrace = settings.maxRefreshGrace();
        if (grace.isNegative() || grace.compareTo(maxGrace) > 0) {
            throw Invalid.field(
                    "grace_seconds", "The grace seconds field must be between 0 and " + maxGrace.toSeconds() + ".");
        }
        Instant graceEnds = clock.instant().plus(grace);
        Instant oldEnds =
                caller.tokenExpiresAt() != null && caller.tokenExpiresAt().isBefore(graceEnds)
                        ? caller.tokenExpiresAt()
                        : graceEnds;
        if (em.createNamedQuery(AccessToken.ROTATE)
                        .setParameter("id", caller.tokenId())
                        .setParameter("endsAt", oldEnds)
                        .executeUpdate()
                == 0) {
            throw new Unauthenticated("The token was already revoked or refreshed.");
        }
        Long userId = caller.ownerKind().equals(User.KIND) ? caller.ownerId() : null;
        if (grace.isZero()) {
            tokens.revokeOnce(caller.tokenId(), userId, AuditEvent.TOKEN_REVOKED, RevokeReason.REFRESH);
        } else {
            evictions.token(caller.tokenId());
            audit.recordAboutToken(
                    AuditEvent.TOKEN_REVOKED,
                    userId,
                    caller.tokenId(),
                    "reason=" + RevokeReason.REFRESH.label() + " grace-seconds=" + grace.toSeconds());
        }
        IssuedToken issued = issue(
                em.find(TokenOwner.class, caller.ownerId()),
                caller.tokenName(),
                caller.abilities(),
                caller.tokenExpiresAt());
        if (!grace.isZero()) {
            issued.token().replace(caller.tokenId());
        }
        return issued;
    }

    /** When the caller's token stops working; empty when never. */
    private Optional<Instant> endOf(AuthenticatedToken caller) {
        AccessToken token = em.find(AccessToken.class, caller.tokenId());
        if (token == null) {
            throw new Unauthenticated("The token was revoked.");
        }
        return token.effectiveExpiry(settings.lifetime());
    }
}
