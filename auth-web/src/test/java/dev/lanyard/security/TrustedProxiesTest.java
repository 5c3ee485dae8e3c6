package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.security.TrustedProxies.ClientOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.7 ,, fd00::/8, ::1/128");

    /** A request from {@code peer} over plain HTTP with the given header lines ({@code "Name: value"}). */
    private ClientOrigin from(String peer, String... lines) {
        return from(proxies, peer, lines);
    }

    private static ClientOrigin from(TrustedProxies proxies, String peer, String... lines) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : lines) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return proxies.resolve(peer, false, name -> headers.getOrDefault(name, List.of()));
    }

    @Test
    void cidrBlocksMatchTheirAddressesOnly() {
        assertThat(proxies.trusts("10.0.0.1")).isTrue();
        assertThat(proxies.trusts("10.255.255.255")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("fe00::1")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("::2")).isFalse();
        assertThat(proxies.trusts("::ffff:10.1.2.3")).as("IPv4-mapped").isTrue();
        assertThat(proxies.trusts("localhost")).isFalse();
        assertThat(proxies.trusts("")).isFalse();
    }

    @Test
    void prefixesThatAreNotWholeBytesCompareTheirBitsOnly() {
        var block = TrustedProxies.parse("172.16.0.0/12,2001:db8:8000::/33");

        assertThat(block.trusts("172.16.0.1")).isTrue();
        assertThat(block.trusts("172.31.255.254")).isTrue();
        assertThat(block.trusts("172.32.0.1")).isFalse();
        assertThat(block.trusts("172.15.255.255")).isFalse();
        assertThat(block.trusts("2001:db8:ffff::1")).isTrue();
        assertThat(block.trusts("2001:db8:7fff::1")).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9")).isTrue();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("2001:db8::1")).isFalse();
    }

    @Test
    void aMalformedEntryIsRefusedByName() {
        for (String entry : List.of(
                "10.0.0.0/33",
                "::/129",
                "10.0.0/8",
                "10.0.0.256",
                "proxy.example.com",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "fe80::1%eth0",
                "[::1]",
                "010.0.0.1")) {
            assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1/32, " + entry))
                    .as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lanyard.trusted-proxies")
                    .hasMessageContaining("\"" + entry + "\"");
        }
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void headersFromAPeerThatIsNotTrustedAreIgnored() {
        var origin = from(
                "203.0.113.9",
                "X-Forwarded-For: 198.51.100.1",
                "Forwarded: for=198.51.100.2;proto=https",
                "X-Forwarded-Proto: https");

        assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.9", false));
        assertThat(from(TrustedProxies.parse(""), "10.0.0.1", "X-Forwarded-For: 198.51.100.1")
                        .address())
                .as("no proxy trusted by default")
                .isEqualTo("10.0.0.1");
    }

    @Test
    void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        assertThat(from("10.0.0.1", "X-Forwarded-For: 198.51.100.1").address()).isEqualTo("198.51.100.1");
        assertThat(from("10.0.0.1", "X-Forwarded-For: 6.6.6.6, 198.51.100.1, 10.0.0.2")
                        .address())
                .as("what the client wrote itself is left of its own address")
                .isEqualTo("198.51.100.1");
        assertThat(from("10.0.0.1", "X-Forwarded-For: 6.6.6.6", "X-Forwarded-For: 198.51.100.1, 192.168.1.7")
                        .address())
                .as("several lines are one list")
                .isEqualTo("198.51.100.1");
        assertThat(from("10.0.0.1", "X-Forwarded-For: 10.0.0.3, 10.0.0.2").address())
                .as("every hop trusted: the farthest one")
                .isEqualTo("10.0.0.3");
        assertThat(from("10.0.0.1").address()).as("no header: the peer").isEqualTo("10.0.0.1");
    }

    @Test
    void portsBracketsAndIpv6AreRead() {
        assertThat(from("10.0.0.1", "X-Forwarded-For: 198.51.100.1:4711").address())
                .isEqualTo("198.51.100.1");
        assertThat(from("10.0.0.1", "X-Forwarded-For: 2001:db8::17").address()).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(from("10.0.0.1", "X-Forwarded-For: [2001:db8::17]:443").address())
                .isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(from("::1", "X-Forwarded-For: 198.51.100.1").address()).isEqualTo("198.51.100.1");
    }

    @Test
    void forwardedIsReadAsRfc7239WritesIt() {
        assertThat(from("10.0.0.1", "Forwarded: for=192.0.2.60;proto=http;by=203.0.113.43"))
                .isEqualTo(new ClientOrigin("192.0.2.60", false));
        assertThat(from("10.0.0.1", "Forwarded: For=\"[2001:db8:cafe::17]:4711\";Proto=HTTPS"))
                .isEqualTo(new ClientOrigin("2001:db8:cafe:0:0:0:0:17", true));
        assertThat(from("10.0.0.1", "Forwarded: for=\"192.0.2.43:47011\", for=198.51.100.17;proto=https"))
                .isEqualTo(new ClientOrigin("198.51.100.17", true));
        assertThat(from("10.0.0.1", "Forwarded: for=6.6.6.6", "Forwarded: for=192.0.2.43, for=10.0.0.9")
                        .address())
                .isEqualTo("192.0.2.43");
        assertThat(from("10.0.0.1", "Forwarded: for=\"[2001:db8::1]:_port\";by=\"a,b;c\", for=10.0.0.9")
                        .address())
                .as("an obfuscated port, and separators inside a quoted value")
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void unknownObfuscatedOrMalformedHopsEndTheWalkAtTheNearestAddress() {
        assertThat(from("10.0.0.1", "Forwarded: for=unknown").address()).isEqualTo("10.0.0.1");
        assertThat(from("10.0.0.1", "Forwarded: for=_hidden, for=10.0.0.5").address())
                .isEqualTo("10.0.0.5");
        assertThat(from("10.0.0.1", "Forwarded: proto=https").address()).isEqualTo("10.0.0.1");
        assertThat(from("10.0.0.1", "Forwarded: for=[2001:db8::1]").address())
                .as("brackets unquoted are still read")
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(from("10.0.0.1", "Forwarded: for=\"[192.0.2.1]\"").address()).isEqualTo("10.0.0.1");
        for (String junk : List.of(
                "example.com",
                "1.2.3.4.5",
                "999.1.1.1",
                "fe80::1%eth0",
                "\"",
                "[",
                "[::1",
                "::1]",
                "<script>",
                "a".repeat(500))) {
            assertThat(from("10.0.0.1", "X-Forwarded-For: 6.6.6.6, " + junk + ", 10.0.0.2")
                            .address())
                    .as(junk)
                    .isEqualTo("10.0.0.2");
        }
    }

    @Test
    void xForwardedForIsReadBeforeForwardedWhichAProxyMayPassOnUntouched() {
        var origin = from("10.0.0.1", "Forwarded: for=6.6.6.6;proto=https", "X-Forwarded-For: 198.51.100.1");

        assertThat(origin).isEqualTo(new ClientOrigin("198.51.100.1", false));
    }

    @Test
    void theSchemeComesFromATrustedProxyOnly() {
        assertThat(from("10.0.0.1", "X-Forwarded-For: 198.51.100.1", "X-Forwarded-Proto: https")
                        .secure())
                .isTrue();
        assertThat(from("10.0.0.1", "X-Forwarded-Proto: HTTPS").secure())
                .as("the proxy's own address")
                .isTrue();
        assertThat(from("10.0.0.1", "X-Forwarded-Proto: https, http").secure())
                .as("the client's side")
                .isTrue();
        assertThat(from("10.0.0.1", "X-Forwarded-Proto: http").secure()).isFalse();
        assertThat(from("203.0.113.9", "X-Forwarded-Proto: https").secure()).isFalse();
        assertThat(proxies.resolve("203.0.113.9", true, name -> List.of()).secure())
                .as("TLS to us")
                .isTrue();
        assertThat(proxies.resolve("10.0.0.1", true, name -> List.of()).secure())
                .isTrue();
    }
}
