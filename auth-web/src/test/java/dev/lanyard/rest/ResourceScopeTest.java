package dev.lanyard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

/**
 * Every root resource is one instance for the application. Without a scope each request built its resource anew
 * and injected it, EJB references included: on {@code GET /api/user} that was the largest cost a profile showed
 * beside the platform's own (BENCHMARKS.md, "What limits scenario 1"). Per-request state comes through method
 * parameters and request-scoped beans such as {@link dev.lanyard.security.CurrentCaller}, never through fields.
 */
class ResourceScopeTest {

    @Test
    void everyRootResourceIsApplicationScoped() {
        assertThat(RootResources.classes())
                .hasSizeGreaterThan(15)
                .allSatisfy(type -> assertThat(type.isAnnotationPresent(ApplicationScoped.class))
                        .as(type.getSimpleName() + " is @ApplicationScoped")
                        .isTrue());
    }
}
