package dev.lanyard.client.boundary;

import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.client.entity.ApiClient;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.paging.SearchPattern;
import dev.lanyard.problem.NotFound;
import dev.lanyard.token.boundary.IssuedToken;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.TokenIssuer;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.Abilities;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** API clients, managed by admins: machine identities with tokens of their own. */
@Stateless
public class Clients {

    static final String FIRST_TOKEN = "default";

    @PersistenceContext
    EntityManager em;

    @EJB
    Tokens tokens;

    @EJB
    TokenIssuer issuer;

    @EJB
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A client and what it is shown once: the plain text of its first token. */
    public record CreatedClient(ApiClient client, IssuedToken token) {}

    /** Creates a client and its first token, with the given abilities ({@code ["*"]} when none are given). */
    public CreatedClient create(String name, Optional<Abilities> abilities) {
        var client = new ApiClient(name, clock.instant());
        em.persist(client);
        em.flush();
        audit.record(AuditEvent.CLIENT_CREATED, null, "client=" + client.id() + " name=" + name);
        return new CreatedClient(client, issuer.issue(client, FIRST_TOKEN, abilities.orElse(Abilities.all()), null));
    }

    /** Another token for the client, e.g. to rotate: issue the new one, then revoke the old. */
    public IssuedToken issueToken(
            long clientId, String name, Optional<Abilities> abilities, Optional<Instant> expiresAt) {
        return issuer.issue(client(clientId), name, abilities.orElse(Abilities.all()), expiresAt.orElse(null));
    }

    /** Clients whose name contains {@code search}, by id: the admin's list. */
    public Page<ApiClient> all(Optional<String> search, PageRequest request) {
        String pattern = SearchPattern.containing(search);
        return Page.of(
                em.createNamedQuery(ApiClient.SEARCH, ApiClient.class).setParameter("pattern", pattern),
                em.createNamedQuery(ApiClient.COUNT_SEARCH, Long.class).setParameter("pattern", pattern),
                request);
    }

    public long tokenCount(long clientId) {
        return tokens.countOfOwner(clientId);
    }

    /** Deletes the client; every one of its tokens stops working at once. */
    public void delete(long clientId) {
        ApiClient client = client(clientId);
        tokens.revokeAll(client, RevokeReason.CLIENT_DELETED);
        em.remove(client);
        audit.record(AuditEvent.CLIENT_DELETED, null, "client=" + clientId + " name=" + client.name());
    }

    private ApiClient client(long clientId) {
        return Optional.ofNullable(em.find(ApiClient.class, clientId))
                .orElseThrow(() -> new NotFound("No such client."));
    }
}
