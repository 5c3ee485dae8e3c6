package dev.lanyard.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;

/**
 * Resolves the JSON-B context once, alone, before any request reads or writes JSON.
 *
 * <p>Payara registers a resolver of its own in front of {@link JsonConfig} that builds its list of the
 * application's resolvers on first use, without a lock: the first concurrent JSON bodies of a freshly started
 * server then fail with a {@code ConcurrentModificationException} (500). Once one call has gone through, that list
 * no longer changes and concurrent use is safe.
 */
@ApplicationScoped
public class JsonWarmUp {

    private volatile boolean warm;

    public boolean isWarm() {
        return warm;
    }

    /** Makes the first resolution, the same one Jersey's JSON-B provider makes; later calls return at once. */
    public void warm(Providers providers) {
        if (warm) {
            return;
        }
        synchronized (this) {
            if (!warm) {
                ContextResolver<Jsonb> resolver =
                        providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
                if (resolver != null) {
                    resolver.getContext(MessageBody.class);
                }
                warm = true;
            }
        }
    }
}
