package dev.lanyard.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this node has seen used whose {@code last_used_at} is due for a write, with where each was used from. A
 * request only puts its token's use here; {@link dev.lanyard.token.boundary.LastUsedWriter} writes them all in one
 * transaction a second, so authenticating costs no write, however many fresh tokens arrive.
 */
@ApplicationScoped
public class PendingUses {

    private final Map<Long, TokenUse> uses = new ConcurrentHashMap<>();

    /** The token's latest use; an earlier one not yet written is replaced. */
    public void add(long tokenId, TokenUse use) {
        uses.put(tokenId, use);
    }

    /** Takes out every use added so far; a use added meanwhile stays for the next time. */
    public Map<Long, TokenUse> drain() {
        Map<Long, TokenUse> drained = new HashMap<>();
        for (Long id : uses.keySet()) {
            TokenUse use = uses.remove(id);
            if (use != null) {
                drained.put(id, use);
            }
        }
        return drained;
    }
}
