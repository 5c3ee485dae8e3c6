package dev.lanyard.token.entity;

import dev.lanyard.crypto.Hashes;
import dev.lanyard.persistence.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A personal access token, a client token, or a single-page app's browser session (a token whose secret lives in
 * an HttpOnly cookie); only the SHA-256 of its secret is kept. The lists and counts leave sessions out.
 */
@Entity
@Table(name = "access_tokens")
@NamedQueries({
    @NamedQuery(
            name = AccessToken.WITH_OWNER_BY_ID,
            query = "SELECT t FROM AccessToken t JOIN FETCH t.owner WHERE t.id = :id"),
    @NamedQuery(
            name = AccessToken.WITH_OWNER_BY_HASH,
            query = "SELECT t FROM AccessToken t JOIN FETCH t.owner WHERE t.tokenHash = :hash"),
    @NamedQuery(
            name = AccessToken.OF_OWNER,
            query = "SELECT t FROM AccessToken t JOIN FETCH t.owner WHERE t.owner.id = :owner"
                    + " AND t.session = false ORDER BY t.createdAt DESC, t.id DESC"),
    @NamedQuery(
            name = AccessToken.SESSIONS_OF_OWNER,
            query = "SELECT t FROM AccessToken t WHERE t.owner.id = :owner AND t.session = true"
                    + " AND t.expiresAt > :now ORDER BY t.createdAt DESC, t.id DESC"),
    @NamedQuery(
            name = AccessToken.DELETE_SESSIONS_OF_OWNER_EXCEPT,
            query = "DELETE FROM AccessToken t WHERE t.owner.id = :owner AND t.session = true AND t.id <> :keep"),
    @NamedQuery(
            name = AccessToken.ALL,
            query = "SELECT t FROM AccessToken t JOIN FETCH t.owner WHERE t.session = false"
                    + " ORDER BY t.createdAt DESC, t.id DESC"),
    @NamedQuery(name = AccessToken.COUNT_ALL, query = "SELECT COUNT(t) FROM AccessToken t WHERE t.session = false"),
    @NamedQuery(
            name = AccessToken.COUNT_OF_OWNER,
            query = "SELECT COUNT(t) FROM AccessToken t WHERE t.owner.id = :owner AND t.session = false"),
    @NamedQuery(
            name = AccessToken.COUNT_LIVE_OF_OWNER,
            query = "SELECT COUNT(t) FROM AccessToken t WHERE t.owner.id = :owner AND t.session = false"
                    + " AND (t.expiresAt IS NULL OR t.expiresAt > :now) AND t.createdAt > :createdAfter"),
    @NamedQuery(name = AccessToken.DELETE_OF_OWNER, query = "DELETE FROM AccessToken t WHERE t.owner.id = :owner"),
    @NamedQuery(
            name = AccessToken.DELETE_OF_OWNER_EXCEPT,
            query = "DELETE FROM AccessToken t WHERE t.owner.id = :owner AND t.id <> :keep"),
    @NamedQuery(name = AccessToken.DELETE_BY_ID, query = "DELETE FROM AccessToken t WHERE t.id = :id"),
    @NamedQuery(
            name = AccessToken.ROTATE,
            query = "UPDATE AccessToken t SET t.rotated = true,"
                    + " t.expiresAt = :endsAt WHERE t.id = :id AND t.rotated = false"),
    @NamedQuery(
            name = AccessToken.DELETE_ROTATED,
            query = "DELETE FROM AccessToken t WHERE t.id = :id AND t.rotated = true"),
    @NamedQuery(
            name = AccessToken.FORGET_PREDECESSOR,
            query = "UPDATE AccessToken t SET t.replacesTokenId = NULL"
                    + " WHERE t.id = :id AND t.replacesTokenId IS NOT NULL"),
    @NamedQuery(
            name = AccessToken.TOUCH,
            query = "UPDATE AccessToken t SET t.lastUsedAt = :now,"
                    + " t.lastUsedIp = :ip, t.lastUsedUserAgent = :userAgent"
                    + " WHERE t.id IN :ids AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :staleBefore)")
})
public class AccessToken {

    public static final String WITH_OWNER_BY_ID = "AccessToken.withOwnerById";
    public static final String WITH_OWNER_BY_HASH = "AccessToken.withOwnerByHash";
    public static final String OF_OWNER = "AccessToken.ofOwner";
    public static final String COUNT_OF_OWNER = "AccessToken.countOfOwner";
    /** A user's browser sessions that have not ended, newest first. */
    public static final String SESSIONS_OF_OWNER = "AccessToken.sessionsOfOwner";

    public static final String DELETE_SESSIONS_OF_OWNER_EXCEPT = "AccessToken.deleteSessionsOfOwnerExcept";
    public static final String ALL = "AccessToken.all";
    public static final String COUNT_ALL = "AccessToken.countAll";
    /** Tokens still working, browser sessions aside: those created after {@code createdAfter} not expired. */
    public static final String COUNT_LIVE_OF_OWNER = "AccessToken.countLiveOfOwner";

    public static final String DELETE_OF_OWNER = "AccessToken.deleteOfOwner";
    public static final String DELETE_OF_OWNER_EXCEPT = "AccessToken.deleteOfOwnerExcept";
    public static final String DELETE_BY_ID = "AccessToken.deleteById";
    /** Marks a token replaced by a refresh, with its new end, unless an earlier refresh did: one winner. */
    public static final String ROTATE = "AccessToken.rotate";

    public static final String DELETE_ROTATED = "AccessToken.deleteRotated";
    public static final String FORGET_PREDECESSOR = "AccessToken.forgetPredecessor";
    /** Sets last_used_at and where from, only when older than a threshold: one write per window, on any node. */
    public static final String TOUCH = "AccessToken.touch";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private TokenOwner owner;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 4000)
    private Abilities abilities;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = ColumnText.MAX_IP)
    private String lastUsedIp;

    @Column(name = "last_used_user_agent", length = ColumnText.MAX_USER_AGENT)
    private String lastUsedUserAgent;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false, updatable = false)
    private boolean session;

    @Column(nullable = false)
    private boolean rotated;

    @Column(name = "replaces_token_id")
    private Long replacesTokenId;

    protected AccessToken() {}

    /** A browser session: every ability, like Sanctum's transient token, still bound by its owner's roles. */
    public static AccessToken session(
            TokenOwner owner, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        var token = new AccessToken(
                owner, name, tokenHash, Abilities.all(), createdAt, Objects.requireNonNull(expiresAt, "expiresAt"));
        token.session = true;
        return token;
    }

    public AccessToken(
            TokenOwner owner,
            String name,
            String tokenHash,
            Abilities abilities,
            Instant createdAt,
            Instant expiresAt) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.abilities = Objects.requireNonNull(abilities, "abilities");
        // PostgreSQL keeps microseconds; the object answers what a reload would.
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** When the token stops working: its own expiry or the end of the global lifetime, whichever comes first. */
    public Optional<Instant> effectiveExpiry(Optional<Duration> lifetime) {
        Optional<Instant> lifetimeEnds = lifetime.map(createdAt::plus);
        if (expiresAt == null) {
            return lifetimeEnds;
        }
        return Optional.of(lifetimeEnds.filter(end -> end.isBefore(expiresAt)).orElse(expiresAt));
    }

    /** This token succeeds {@code predecessor}, which works until this one is first used or its grace ends. */
    public void replace(long predecessor) {
        this.replacesTokenId = predecessor;
    }

    /** The token this one replaced with a grace, while that one may still work. */
    public Optional<Long> predecessor() {
        return Optional.ofNullable(replacesTokenId);
    }

    public boolean matches(String presentedHash) {
        return Hashes.same(tokenHash, presentedHash);
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void changeAbilities(Abilities abilities) {
        this.abilities = Objects.requireNonNull(abilities, "abilities");
    }

    public boolean isSession() {
        return session;
    }

    public Long id() {
        return id;
    }

    public TokenOwner owner() {
        return owner;
    }

    /** The SHA-256 of the token's secret, hex: what a node keeps in memory to match presented tokens. */
    public String tokenHash() {
        return tokenHash;
    }

    public String name() {
        return name;
    }

    public Abilities abilities() {
        return abilities;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedIp() {
        return lastUsedIp;
    }

    public String lastUsedUserAgent() {
        return lastUsedUserAgent;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
