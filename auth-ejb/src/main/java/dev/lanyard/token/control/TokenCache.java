package dev.lanyard.token.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tokens this node authenticated recently, by id, so a token seen again costs no database work. At most
 * {@code lanyard.token.cache-size} of them (0 turns the cache off).
 *
 * <p>It is only as good as its evictions: every change that ends or narrows a token, or changes what its owner
 * may do, evicts it here and on every other node before the change answers ({@link Evictions}). A load that
 * overlapped an eviction may have read the old row, so {@link #put} keeps it only when no eviction came since the
 * load began ({@link #generation()}). And the cache is consulted only while the node can be sure it hears every
 * eviction ({@link #trustOnlyWhile}).
 */
@ApplicationScoped
public class TokenCache {

    @Inject
    @ConfigProperty(name = "lanyard.token.cache-size", defaultValue = "100000")
    int capacity;

    private final ConcurrentHashMap<Long, CachedToken> tokens = new ConcurrentHashMap<>();
    private final Object changes = new Object();
    private volatile long generation;
    private volatile BooleanSupplier trusted = () -> true;

    @PostConstruct
    void sizeUp() {
        capacity = Math.max(0, capacity);
    }

    /** The cache serves, and takes, tokens only while {@code trusted} says so. */
    public void trustOnlyWhile(BooleanSupplier trusted) {
        this.trusted = trusted;
    }

    public Optional<CachedToken> find(long tokenId) {
        if (capacity == 0 || !trusted.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.get(tokenId));
    }

    /** Taken before a token is read from the database, and handed to {@link #put} with what was read. */
    public long generation() {
        return generation;
    }

    /** Keeps a token read when the cache was at {@code readAt}, unless an eviction has come since. */
    public void put(CachedToken token, long readAt) {
        if (capacity == 0) {
            return;
        }
        synchronized (changes) {
            if (generation != readAt || !trusted.getAsBoolean()) {
                return;
            }
            if (tokens.size() >= capacity && !tokens.containsKey(token.id())) {
                Iterator<Long> any = tokens.keySet().iterator();
                if (any.hasNext()) {
                    tokens.remove(any.next());
                }
            }
            tokens.put(token.id(), token);
        }
    }

    public void evict(Eviction eviction) {
        synchronized (changes) {
            generation++;
            if (eviction.everything()) {
                tokens.clear();
                return;
            }
            eviction.tokenIds().forEach(tokens::remove);
            if (!eviction.ownerIds().isEmpty()) {
                tokens.values()
                        .removeIf(token ->
                                eviction.ownerIds().contains(token.owner().id()));
            }
        }
    }

    /** Forgets every token: the node may have missed an eviction. */
    public void clear() {
        evict(Eviction.all());
    }

    public int size() {
        return tokens.size();
    }
}
