package dev.lanyard.token.control;

import dev.lanyard.account.entity.User;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import dev.lanyard.token.entity.TokenOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What authenticating needs of a stored token and its owner, kept in memory by {@link TokenCache}. Whether it is
 * still valid is asked at every use, from its expiry: a cached token is never "valid", only "known".
 */
public final class CachedToken {

    private final long id;
    private final String hash;
    private final String name;
    private final TokenOwner owner;
    private final Abilities abilities;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Optional<Instant> effectiveExpiry;
    private final boolean session;
    private final Optional<Long> predecessor;
    // Set by the one request that ends the predecessor; cleared again when it could not.
    private final AtomicBoolean predecessorTaken = new AtomicBoolean();
    // Written by requests that note a use, read by the next ones; a lost race only notes one use twice.
    private volatile Instant lastUsedAt;

    private CachedToken(AccessToken token, Optional<Duration> lifetime) {
        this.id = token.id();
        this.hash = token.tokenHash();
        this.name = token.name();
        this.owner = token.owner();
        this.abilities = token.abilities();
        this.createdAt = token.createdAt();
        this.expiresAt = token.expiresAt();
        this.effectiveExpiry = token.effectiveExpiry(lifetime);
        this.session = token.isSession();
        this.predecessor = token.predecessor();
        this.lastUsedAt = token.lastUsedAt();
    }

    /** The token as read from the database, its owner with it; the lifetime counts towards its expiry. */
    public static CachedToken of(AccessToken token, Optional<Duration> lifetime) {
        return new CachedToken(token, lifetime);
    }

    public boolean matches(PlainTextToken presented) {
        return Hashes.same(hash, presented.sha256Hex());
    }

    public boolean isValidAt(Instant now) {
        return effectiveExpiry.map(now::isBefore).orElse(true);
    }

    /**
     * Whether the token went unused for {@code idle} by {@code now}, as far as this copy knows: the last use it
     * noted, or its creation. Another node may have seen a later use, so an idle copy is worth reading again.
     */
    public boolean isIdleAt(Instant now, Optional<Duration> idle) {
        Instant lastActive = lastUsedAt == null ? createdAt : lastUsedAt;
        return idle.map(timeout -> !now.isBefore(lastActive.plus(timeout))).orElse(false);
    }

    /** A disabled user's tokens do not authenticate, even one issued while they were being disabled. */
    public boolean ownerDisabled() {
        return owner instanceof User user && user.isDisabled();
    }

    /**
     * Whether a use now should be written as the token's last use, once per {@code resolution}: it notes the use
     * as written, so the node's next requests with the token are not.
     */
    public boolean takeUseDue(Instant now, Duration resolution) {
        Instant last = lastUsedAt;
        if (last != null && !last.isBefore(now.minus(resolution))) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    /**
     * The token this one replaced with a grace, to be ended at this one's first use: answered to one request on
     * this node only, which calls {@link #predecessorNotEnded} when it could not end it.
     */
    public Optional<Long> takePredecessor() {
        return predecessor.filter(id -> predecessorTaken.compareAndSet(false, true));
    }

    public void predecessorNotEnded() {
        predecessorTaken.set(false);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TokenOwner owner() {
        return owner;
    }

    public Abilities abilities() {
        return abilities;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> effectiveExpiry() {
        return effectiveExpiry;
    }

    public boolean isSession() {
        return session;
    }
}
