package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatefulDomainsTest {

    private final StatefulDomains domains = StatefulDomains.of("test.com, *.test.com,localhost:3000,::1");

    @Test
    void aDomainMatchesItsPagesOnly() {
        assertThat(domains.matches("https://test.com/", Optional.empty())).isTrue();
        assertThat(domains.matches("https://test.com/dashboard?x=1", Optional.empty()))
                .isTrue();
        assertThat(domains.matches("http://TEST.com", Optional.empty())).isTrue();
        assertThat(domains.matches("https://test.com.x/", Optional.empty())).isFalse();
        assertThat(domains.matches("https://nottest.com/", Optional.empty())).isFalse();
        assertThat(domains.matches("https://test.com:8443/", Optional.empty())).isFalse();
    }

    @Test
    void aWildcardMatchesSubdomainsButNotAPathThatLooksLikeOne() {
        assertThat(domains.matches("https://foobar.test.com/app", Optional.empty()))
                .isTrue();
        assertThat(domains.matches("https://a.b.test.com/", Optional.empty())).isTrue();
        assertThat(domains.matches("https://evil.com/x.test.com/", Optional.empty()))
                .isFalse();
        assertThat(domains.matches("https://foobar.test.com.evil.com/", Optional.empty()))
                .isFalse();
    }

    @Test
    void portsAndIpv6AreMatchedAsWritten() {
        assertThat(domains.matches("http://localhost:3000/", Optional.empty())).isTrue();
        assertThat(domains.matches("http://localhost:3001/", Optional.empty())).isFalse();
        assertThat(domains.matches("http://localhost/", Optional.empty())).isFalse();
        assertThat(domains.matches("http://[::1]/", Optional.empty())).isTrue();
    }

    @Test
    void theServersOwnHostIsAlwaysStateful() {
        assertThat(domains.matches("http://10.0.0.7:8080/#/tokens", Optional.of("10.0.0.7:8080")))
                .isTrue();
        assertThat(domains.matches("http://10.0.0.7:9090/", Optional.of("10.0.0.7:8080")))
                .isFalse();
    }

    @Test
    void missingOrGarbledAddressesAreNotStateful() {
        assertThat(domains.matches(null, Optional.of("test.com"))).isFalse();
        assertThat(domains.matches("null", Optional.of("test.com"))).isFalse();
        assertThat(domains.matches("not a url at all", Optional.empty())).isFalse();
        assertThat(domains.matches("test.com", Optional.empty())).isFalse();
    }
}
