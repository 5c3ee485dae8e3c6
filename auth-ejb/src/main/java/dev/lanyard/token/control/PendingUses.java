package dev.lanyard.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this node has seen used whose {@code last_used_at} is due for a write. A request only adds its token's
 * id here; {@link dev.lanyard.token.boundary.LastUsedWriter} writes them all in one transaction a second, so
 * authenticating costs no write, however many fresh tokens arrive.
 */
@ApplicationScoped
public class PendingUses {

    private final Set<Long> tokenIds = ConcurrentHashMap.newKeySet();

    public void add(long tokenId) {
        tokenIds.add(tokenId);
    }

    /** Takes out every id added so far; an id added meanwhile stays for the next time. */
    public List<Long> drain() {
        List<Long> drained = new ArrayList<>();
        for (Long id : tokenIds) {
            if (tokenIds.remove(id)) {
                drained.add(id);
            }
        }
        return drained;
    }
}
