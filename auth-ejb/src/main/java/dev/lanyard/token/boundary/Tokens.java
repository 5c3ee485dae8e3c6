package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.client.entity.ApiClient;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.problem.NotFound;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import dev.lanyard.token.entity.TokenOwner;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The management of issued tokens: lists them, renames or narrows them, and revokes them; every change that ends or
 * narrows one evicts it from the nodes' caches. Issuing is {@link TokenIssuer}'s, authenticating
 * {@link TokenAuthentication}'s.
 */
@Stateless
public class Tokens {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    AuthMetrics metrics;

    @Inject
    Evictions evictions;

    @EJB
    StoredTokens stored;

    private final Clock clock = Clock.systemUTC();

    public List<AccessToken> ofOwner(long ownerId) {
        return em.createNamedQuery(AccessToken.OF_OWNER, AccessToken.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }

    public long countOfOwner(long ownerId) {
        return em.createNamedQuery(AccessToken.COUNT_OF_OWNER, Long.class)
                .setParameter("owner", ownerId)
                .getSingleResult();
    }

    /** Renames or narrows one of the owner's tokens: only one whose abilities the caller's token covers. */
    public AccessToken update(
            AuthenticatedToken caller, long tokenId, Optional<String> name, Optional<Abilities> abilities) {
        AccessToken token = manageable(caller, tokenId);
        abilities.ifPresent(requested -> {
            caller.requireCovers(requested);
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
        revoke(
                Optional.ofNullable(em.find(AccessToken.class, tokenId))
                        .orElseThrow(() -> new NotFound("No such token.")),
                RevokeReason.ADMIN);
    }

    public int revokeAll(TokenOwner owner, RevokeReason reason) {
        int revoked = em.createNamedQuery(AccessToken.DELETE_OF_OWNER)
                .setParameter("owner", owner.id())
                .executeUpdate();
        evictions.owner(owner.id());
        audit.record(
                AuditEvent.TOKEN_REVOKED,
                owner.auditedUserId(),
                owner.kind() + "=" + owner.id() + " reason=" + reason.label() + " tokens=" + revoked);
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
        int revoked = em.createNamedQuery(deleteQuery)
                .setParameter("owner", ownerId)
                .setParameter("keep", keepTokenId)
                .executeUpdate();
        evictions.owner(ownerId);
        audit.record(
                AuditEvent.TOKEN_REVOKED,
                ownerId,
                "user=" + ownerId + " reason=" + reason.label() + " tokens=" + revoked + " kept=" + keepTokenId);
        metrics.tokensRevoked(revoked);
        return revoked;
    }

    /** The owner's browser sessions that have not ended yet, newest first. */
    public List<AccessToken> sessionsOf(long ownerId) {
        return em.createNamedQuery(AccessToken.SESSIONS_OF_OWNER, AccessToken.class)
                .setParameter("owner", ownerId)
                .setParameter("now", clock.instant())
                .getResultList();
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
        return tokensToo
                ? revokeAllExcept(ownerId, keepTokenId, RevokeReason.LOGOUT_OTHERS)
                : revokeAllExcept(
                        ownerId, keepTokenId, RevokeReason.LOGOUT_OTHERS, AccessToken.DELETE_SESSIONS_OF_OWNER_EXCEPT);
    }

    /** Every token, or one owner's, newest first: the admin's view. */
    public Page<AccessToken> all(Optional<Long> ownerId, PageRequest request) {
        var items =
                em.createNamedQuery(ownerId.isPresent() ? AccessToken.OF_OWNER : AccessToken.ALL, AccessToken.class);
        var count = em.createNamedQuery(
                ownerId.isPresent() ? AccessToken.COUNT_OF_OWNER : AccessToken.COUNT_ALL, Long.class);
        ownerId.ifPresent(owner -> {
            items.setParameter("owner", owner);
            count.setParameter("owner", owner);
        });
        return Page.of(items, count, request);
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

    /** The stored token the presented one names, when its secret matches. */
    private Optional<AccessToken> matching(PlainTextToken presented) {
        String hash = presented.sha256Hex();
        return stored.find(presented).filter(token -> token.matches(hash));
    }

    /**
     * Revokes the token when it is still there, and says whether this call did: the delete locks the row, so of
     * calls revoking one token at once exactly one is told so (and audits it), whatever else they do after.
     */
    public boolean revokeOnce(long tokenId, Long userId, String auditType, RevokeReason reason) {
        int deleted = em.createNamedQuery(AccessToken.DELETE_BY_ID)
                .setParameter("id", tokenId)
                .executeUpdate();
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
        boolean revoked = revokeOnce(token.id(), token.owner().auditedUserId(), auditType, reason);
        return revoked && token.owner() instanceof User user ? Optional.of(user) : Optional.empty();
    }

    private void revoke(AccessToken token, RevokeReason reason) {
        em.remove(token);
        evictions.token(token.id());
        audit.recordAboutToken(
                AuditEvent.TOKEN_REVOKED, token.owner().auditedUserId(), token.id(), "reason=" + reason.label());
        metrics.tokensRevoked(1);
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
}
