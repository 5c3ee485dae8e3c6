package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.client.entity.ApiClient;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import dev.lanyard.problem.Unauthenticated;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.control.TokenUse;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issues, lists, changes and revokes access tokens; every change that ends or narrows one evicts it from the
 * nodes' caches. Authenticating is {@link TokenAuthentication}'s.
 */
@Stateless
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Each id is a bind parameter, and PostgreSQL takes at most 32,767 in one statement.
    private static final int USES_PER_STATEMENT = 1_000;

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

    private final Clock clock = Clock.systemUTC();

    public IssuedToken issue(TokenOwner owner, String name, Abilities abilities, Instant expiresAt) {
        String secret = PlainTextToken.newSecret(settings.prefix(), RANDOM);
        var token = new AccessToken(owner, name, PlainTextToken.sha256Hex(secret), abilities, clock.instant(),
                expiresAt);
        em.persist(token);
        em.flush();
        audit.recordAboutToken(AuditEvent.TOKEN_CREATED, userIdOf(owner), token.id(),
                owner.kind() + "=" + owner.id() + " name=" + name + " abilities=" + abilities.toJson());
        metrics.tokenIssued();
        return new IssuedToken(token, PlainTextToken.format(token.id(), secret));
    }

    /**
     * A browser session for a single-page app: a token with every ability that expires after
     * {@code lanyard.session.lifetime-minutes}, whose plain text goes into an HttpOnly cookie.
     */
    public IssuedToken issueSession(TokenOwner owner) {
        String secret = PlainTextToken.newSecret(settings.prefix(), RANDOM);
        Instant now = clock.instant();
        var session = AccessToken.session(owner, SignIn.SESSION_NAME, PlainTextToken.sha256Hex(secret), now,
                now.plus(settings.sessionLifetime()));
        em.persist(session);
        em.flush();
        audit.recordAboutToken(AuditEvent.TOKEN_CREATED, userIdOf(owner), session.id(),
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
     * Sets {@code last_used_at} to now, and where each token was used from, except where another write (another
     * node's, say) already did within the resolution window. Tokens used from the same place share a statement.
     */
    public void recordUses(Map<Long, TokenUse> uses) {
        // A last-use time may be lost in a crash; it is not worth a disk flush.
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        Instant now = clock.instant();
        Map<TokenUse, List<Long>> byPlace = uses.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byPlace.forEach((use, tokenIds) -> {
            for (int from = 0; from < tokenIds.size(); from += USES_PER_STATEMENT) {
                em.createNamedQuery(AccessToken.TOUCH).setParameter("now", now).setParameter("ip", use.ip())
                        .setParameter("userAgent", use.userAgent())
                        .setParameter("ids",
                                tokenIds.subList(from, Math.min(tokenIds.size(), from + USES_PER_STATEMENT)))
                        .setParameter("staleBefore", now.minus(settings.lastUsedResolution())).executeUpdate();
            }
        });
    }

    /**
     * RFC 7009: revokes a presented token when the caller may, and says nothing either way. A user may revoke
     * their own tokens; an API client (e.g. a resource server that saw a token leak) any token.
     */
    public void revokePresented(AuthenticatedToken caller, PlainTextToken presented) {
        matching(presented)
                .filter(token -> ApiClient.KIND.equals(caller.ownerKind())
                        || token.owner().id().equals(caller.ownerId()))
                .ifPresent(token -> revoke(token, RevokeReason.OAUTH_REVOKE));
    }

    public List<AccessToken> ofOwner(long ownerId) {
        return em.createNamedQuery(AccessToken.OF_OWNER, AccessToken.class).setParameter("owner", ownerId)
                .getResultList();
    }

    public long countOfOwner(long ownerId) {
        return em.createNamedQuery(AccessToken.COUNT_OF_OWNER, Long.class).setParameter("owner", ownerId)
                .getSingleResult();
    }

    /**
     * A new token for the caller's owner, with no more abilities than the caller's own token and no longer life:
     * with no {@code expiresAt} it ends when the caller's token does (its own expiry, or the end of
     * {@code lanyard.token.expiration-minutes} from its creation), and a later one is refused. A browser session
     * is the account holder signed in, not a delegate, so what it creates is bound only by the rules for all:
     * the policy's {@code lanyard.token.max-lifetime-days}, also the default expiry, and
     * {@code lanyard.token.max-per-user} live tokens.
     */
    public IssuedToken create(AuthenticatedToken caller, String name, Optional<Abilities> requested,
            Optional<Instant> expiresAt) {
        Abilities abilities = requested.orElse(caller.abilities());
        requireCovered(caller, abilities);
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw Invalid.field("expires_at", "The expires at field must be a date after now.");
        }
        Optional<Instant> policyEnds = settings.maxLifetime().map(now::plus);
        if (policyEnds.isPresent() && expiresAt.isPresent() && expiresAt.get().isAfter(policyEnds.get())) {
            throw Invalid.field("expires_at", "The expires at field must be a date within "
                    + settings.maxLifetime().get().toDays() + " days from now.");
        }
        Optional<Instant> callerEnds = caller.session() ? Optional.empty() : endOf(caller);
        if (callerEnds.isPresent() && expiresAt.isPresent() && expiresAt.get().isAfter(callerEnds.get())) {
            throw Invalid.field("expires_at", "The expires at field must be a date before or equal to "
                    + callerEnds.get() + ".");
        }
        // Locked, so that of creations sent at once no more pass the count than the limit allows.
        TokenOwner owner = em.find(TokenOwner.class, caller.ownerId(), LockModeType.PESSIMISTIC_WRITE);
        requireRoomFor(owner, now);
        Optional<Instant> latest = Stream.of(callerEnds, policyEnds).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        return issue(owner, name, abilities, expiresAt.or(() -> latest).orElse(null));
    }

    private void requireRoomFor(TokenOwner owner, Instant now) {
        OptionalInt max = settings.maxPerUser();
        if (max.isEmpty()) {
            return;
        }
        long live = em.createNamedQuery(AccessToken.COUNT_LIVE_OF_OWNER, Long.class).setParameter("owner", owner.id())
                .setParameter("now", now)
                .setParameter("createdAfter", settings.lifetime().map(now::minus).orElse(Instant.EPOCH))
                .getSingleResult();
        if (live >= max.getAsInt()) {
            throw Invalid.field("name", "You have " + live + " live API tokens, the most allowed: revoke one you no"
                    + " longer use first.");
        }
    }

    /** Renames or narrows one of the owner's tokens: only one whose abilities the caller's token covers. */
    public AccessToken update(AuthenticatedToken caller, long tokenId, Optional<String> name,
            Optional<Abilities> abilities) {
        AccessToken token = manageable(caller, tokenId);
        abilities.ifPresent(requested -> {
            requireCovered(caller, requested);
            token.changeAbilities(requested);
        });
        name.ifPresent(token::rename);
        evictions.token(tokenId);
        return token;
    }

    public void revoke(long ownerId, long tokenId, RevokeReason reason) {
        revoke(ownedBy(ownerId, tokenId), reason);
    }

    /** The owner's revocation of one of their tokens: only one whose abilities the caller's token covers. */
    public void revoke(AuthenticatedToken caller, long tokenId) {
        revoke(manageable(caller, tokenId), RevokeReason.OWNER);
    }

    /** Any token, whoever owns it: the admin's revocation. */
    public void revokeAny(long tokenId) {
        revoke(Optional.ofNullable(em.find(AccessToken.class, tokenId))
                .orElseThrow(() -> new NotFound("No such token.")), RevokeReason.ADMIN);
    }

    public int revokeAll(TokenOwner owner, RevokeReason reason) {
        int revoked = em.createNamedQuery(AccessToken.DELETE_OF_OWNER).setParameter("owner", owner.id())
                .executeUpdate();
        evictions.owner(owner.id());
        audit.record(AuditEvent.TOKEN_REVOKED, userIdOf(owner), owner.kind() + "=" + owner.id() + " reason="
                + reason.label() + " tokens=" + revoked);
        metrics.tokensRevoked(revoked);
        return revoked;
    }

    public int revokeAll(long ownerId, RevokeReason reason) {
        return revokeAll(em.find(TokenOwner.class, ownerId), reason);
    }

    /** Every token of the owner but {@code keepTokenId}, the one the request was made with. */
    public int revokeAllExcept(long ownerId, long keepTokenId, RevokeReason reason) {
        return revokeAllExcept(ownerId, keepTokenId, reason, AccessToken.DELETE_OF_OWNER_EXCEPT);
    }

    private int revokeAllExcept(long ownerId, long keepTokenId, RevokeReason reason, String deleteQuery) {
        int revoked = em.createNamedQuery(deleteQuery).setParameter("owner", ownerId)
                .setParameter("keep", keepTokenId).executeUpdate();
        evictions.owner(ownerId);
        audit.record(AuditEvent.TOKEN_REVOKED, ownerId, "user=" + ownerId + " reason=" + reason.label() + " tokens="
                + revoked + " kept=" + keepTokenId);
        metrics.tokensRevoked(revoked);
        return revoked;
    }

    /** The owner's browser sessions that have not ended yet, newest first. */
    public List<AccessToken> sessionsOf(long ownerId) {
        return em.createNamedQuery(AccessToken.SESSIONS_OF_OWNER, AccessToken.class).setParameter("owner", ownerId)
                .setParameter("now", clock.instant()).getResultList();
    }

    /** Ends one of the owner's browser sessions; 404 for anything else, an API token included. */
    public void endSession(long ownerId, long sessionId) {
        AccessToken session = em.find(AccessToken.class, sessionId);
        if (session == null || !session.isSession() || !session.owner().id().equals(ownerId)) {
            throw new NotFound("No such session.");
        }
        revoke(session, RevokeReason.SESSION_ENDED);
    }

    /**
     * Ends every browser session of the owner but {@code keepTokenId}, the one the request was made with, and,
     * with {@code tokensToo}, every API token but that one too; answers how many ended.
     */
    public int endOthers(long ownerId, long keepTokenId, boolean tokensToo) {
        return tokensToo ? revokeAllExcept(ownerId, keepTokenId, RevokeReason.LOGOUT_OTHERS)
                : revokeAllExcept(ownerId, keepTokenId, RevokeReason.LOGOUT_OTHERS,
                        AccessToken.DELETE_SESSIONS_OF_OWNER_EXCEPT);
    }

    /** Every token, or one owner's, newest first: the admin's view. */
    public Page<AccessToken> all(Optional<Long> ownerId, PageRequest request) {
        var items = em.createNamedQuery(ownerId.isPresent() ? AccessToken.OF_OWNER : AccessToken.ALL,
                AccessToken.class);
        var count = em.createNamedQuery(ownerId.isPresent() ? AccessToken.COUNT_OF_OWNER : AccessToken.COUNT_ALL,
                Long.class);
        ownerId.ifPresent(owner -> {
            items.setParameter("owner", owner);
            count.setParameter("owner", owner);
        });
        return Page.of(items, count, request);
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
            throw Invalid.field("grace_seconds", "The grace seconds field must be between 0 and "
                    + maxGrace.toSeconds() + ".");
        }
        Instant graceEnds = clock.instant().plus(grace);
        Instant oldEnds = caller.tokenExpiresAt() != null && caller.tokenExpiresAt().isBefore(graceEnds)
                ? caller.tokenExpiresAt() : graceEnds;
        if (em.createNamedQuery(AccessToken.ROTATE).setParameter("id", caller.tokenId()).setParameter("endsAt", oldEnds)
                .executeUpdate() == 0) {
            throw new Unauthenticated("The token was already revoked or refreshed.");
        }
        Long userId = caller.ownerKind().equals(User.KIND) ? caller.ownerId() : null;
        if (grace.isZero()) {
            revokeOnce(caller.tokenId(), userId, AuditEvent.TOKEN_REVOKED, RevokeReason.REFRESH);
        } else {
            evictions.token(caller.tokenId());
            audit.recordAboutToken(AuditEvent.TOKEN_REVOKED, userId, caller.tokenId(), "reason="
                    + RevokeReason.REFRESH.label() + " grace-seconds=" + grace.toSeconds());
        }
        IssuedToken issued = issue(em.find(TokenOwner.class, caller.ownerId()), caller.tokenName(),
                caller.abilities(), caller.tokenExpiresAt());
        if (!grace.isZero()) {
            issued.token().replace(caller.tokenId());
        }
        return issued;
    }

    /**
     * Ends the token that {@code tokenId} replaced with a grace, now that {@code tokenId} was used: evicted
     * everywhere before the request that first used its successor is answered. Several nodes may ask; the first
     * ends it.
     */
    public void retirePredecessor(long tokenId, long predecessorId) {
        em.createNamedQuery(AccessToken.FORGET_PREDECESSOR).setParameter("id", tokenId).executeUpdate();
        if (em.createNamedQuery(AccessToken.DELETE_ROTATED).setParameter("id", predecessorId).executeUpdate() > 0) {
            evictions.token(predecessorId);
            metrics.tokensRevoked(1);
        }
    }

    /**
     * The stored token, with its owner, that the presented one names by its id (or, without one, by its hash),
     * whether or not the secret matches: {@link TokenAuthentication} keeps it in memory and matches it there.
     */
    public Optional<AccessToken> stored(PlainTextToken presented) {
        var query = presented.hasId()
                ? em.createNamedQuery(AccessToken.WITH_OWNER_BY_ID, AccessToken.class).setParameter("id", presented.id())
                : em.createNamedQuery(AccessToken.WITH_OWNER_BY_HASH, AccessToken.class)
                        .setParameter("hash", presented.sha256Hex());
        return query.getResultStream().findFirst();
    }

    /** The stored token the presented one names, when its secret matches. */
    private Optional<AccessToken> matching(PlainTextToken presented) {
        String hash = presented.sha256Hex();
        return stored(presented).filter(token -> token.matches(hash));
    }

    /**
     * Revokes the token when it is still there, and says whether this call did: the delete locks the row, so of
     * calls revoking one token at once exactly one is told so (and audits it), whatever else they do after.
     */
    public boolean revokeOnce(long tokenId, Long userId, String auditType, RevokeReason reason) {
        int deleted = em.createNamedQuery(AccessToken.DELETE_BY_ID).setParameter("id", tokenId).executeUpdate();
        if (deleted == 0) {
            return false;
        }
        evictions.token(tokenId);
        audit.recordAboutToken(auditType, userId, tokenId, "reason=" + reason.label());
        metrics.tokensRevoked(1);
        return true;
    }

    /** The same for a stored token: answers the user to tell when this call revoked it, none for a client's. */
    public Optional<User> revokeOnce(AccessToken token, String auditType, RevokeReason reason) {
        boolean revoked = revokeOnce(token.id(), userIdOf(token.owner()), auditType, reason);
        return revoked && token.owner() instanceof User user ? Optional.of(user) : Optional.empty();
    }

    private void revoke(AccessToken token, RevokeReason reason) {
        em.remove(token);
        evictions.token(token.id());
        audit.recordAboutToken(AuditEvent.TOKEN_REVOKED, userIdOf(token.owner()), token.id(),
                "reason=" + reason.label());
        metrics.tokensRevoked(1);
    }

    private static Long userIdOf(TokenOwner owner) {
        return owner instanceof User ? owner.id() : null;
    }

    private AccessToken ownedBy(long ownerId, long tokenId) {
        AccessToken token = em.find(AccessToken.class, tokenId);
        if (token == null || !token.owner().id().equals(ownerId)) {
            throw new NotFound("No such token.");
        }
        return token;
    }

    /**
     * One of the caller's owner's tokens that the caller may change or revoke: a narrower token must not strip
     * or end a broader one (a leaked {@code read:posts} token must not disarm the owner's full login).
     */
    private AccessToken manageable(AuthenticatedToken caller, long tokenId) {
        AccessToken token = ownedBy(caller.ownerId(), tokenId);
        if (!caller.abilities().covers(token.abilities())) {
            throw new Forbidden("A token cannot change or revoke a token with abilities its own does not have.");
        }
        return token;
    }

    /** When the caller's token stops working; empty when never. */
    private Optional<Instant> endOf(AuthenticatedToken caller) {
        AccessToken token = em.find(AccessToken.class, caller.tokenId());
        if (token == null) {
            throw new Unauthenticated("The token was revoked.");
        }
        return token.effectiveExpiry(settings.lifetime());
    }

    private static void requireCovered(AuthenticatedToken caller, Abilities requested) {
        if (!caller.abilities().covers(requested)) {
            throw new Forbidden("A token cannot grant abilities its creator's token does not have.");
        }
    }
}
