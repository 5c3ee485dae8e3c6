package dev.lanyard.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reverse proxies this server trusts ({@code lanyard.trusted-proxies}: IPv4 and IPv6 CIDR blocks), and who a
 * request really comes from behind them. Only when the peer is one of them are forwarding headers read at all;
 * then the client is the right-most hop that is not a trusted proxy, since every hop to its right was written by
 * a proxy we trust and everything to its left may be what the client made up.
 *
 * <p>{@code X-Forwarded-For} (with {@code X-Forwarded-Proto}) is read when present, RFC 7239's {@code Forwarded}
 * ({@code for=}, {@code proto=}) only otherwise: nginx and most load balancers set the first and pass a client's
 * {@code Forwarded} through untouched, so preferring it would let clients choose their address. A hop that is
 * not an IP address ({@code unknown}, an obfuscated {@code _name}, garbage) ends the walk at the nearest hop
 * that is one, so what a key or an audit row holds is always an address. Addresses are parsed as literals only,
 * never looked up in DNS.
 */
public final class TrustedProxies {

    public static final String KEY = "lanyard.trusted-proxies";

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    /** RFC 7239's node-port: a number or an obfuscated {@code _name}. */
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5}|_[A-Za-z0-9._-]+)");

    private static final String HTTPS = "https";

    /** Where a request comes from: the client's address, and whether the client reached us over HTTPS. */
    public record ClientOrigin(String address, boolean secure) {}

    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
        }
    }

    /** One hop of a forwarding header: its address, when it is one, and the scheme it reports. */
    private record Hop(Optional<InetAddress> address, Optional<String> proto) {}

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * The comma-separated list of the configuration; an address alone is a block of one.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR block
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                blocks.add(block(trimmed));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(String address) {
        return literal(address).filter(this::trusts).isPresent();
    }

    /**
     * Who sent a request that reached us from {@code peer}, over TLS or not ({@code secure}); {@code headers}
     * gives every value of a header, in order (several lines of one header read as one comma-separated list).
     */
    public ClientOrigin resolve(String peer, boolean secure, Function<String, List<String>> headers) {
        if (!trusts(peer)) {
            return new ClientOrigin(peer, secure);
        }
        List<String> forwardedFor = listOf(headers.apply("X-Forwarded-For"), false);
        Optional<String> forwardedProto =
                listOf(headers.apply("X-Forwarded-Proto"), false).stream().findFirst();
        List<Hop> hops;
        if (!forwardedFor.isEmpty()) {
            hops = forwardedFor.stream()
                    .map(hop -> new Hop(node(hop), Optional.<String>empty()))
                    .toList();
        } else {
            hops = listOf(headers.apply("Forwarded"), true).stream()
                    .map(TrustedProxies::forwardedElement)
                    .toList();
        }
        String client = peer;
        Optional<String> proto = Optional.empty();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            proto = hop.proto();
            if (hop.address().isEmpty()) {
                break;
            }
            client = hop.address().get().getHostAddress();
            if (!trusts(hop.address().get())) {
                break;
            }
        }
        String scheme = proto.or(() -> forwardedProto).orElse(secure ? HTTPS : "http");
        return new ClientOrigin(client, scheme.equalsIgnoreCase(HTTPS));
    }

    private boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = literal(address).map(InetAddress::getAddress).orElseThrow(() -> malformed(entry));
        int prefix = network.length * 8;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > prefix) {
                throw malformed(entry);
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(network, prefix);
    }

    private static IllegalArgumentException malformed(String entry) {
        return new IllegalArgumentException(KEY + ": \"" + entry + "\" is not an IPv4 or IPv6 address or CIDR block"
                + " (such as 10.0.0.0/8, 127.0.0.1 or fd00::/8)");
    }

    /** The comma-separated items of every line of a header; {@code Forwarded} may quote commas, the others not. */
    private static List<String> listOf(List<String> lines, boolean quoting) {
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            for (String item : quoting ? split(line, ',') : Arrays.asList(line.split(","))) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /** One element of {@code Forwarded}: {@code for=...;proto=...;by=...}, names in any case, values maybe quoted. */
    private static Hop forwardedElement(String element) {
        Map<String, String> pairs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String pair : split(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.putIfAbsent(
                        pair.substring(0, equals).trim(),
                        unquote(pair.substring(equals + 1).trim()));
            }
        }
        return new Hop(
                Optional.ofNullable(pairs.get("for")).flatMap(TrustedProxies::node),
                Optional.ofNullable(pairs.get("proto")).map(proto -> proto.toLowerCase(Locale.ROOT)));
    }

    /**
     * The address of a node as forwarding headers write it: {@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code [2001:db8::1]}, {@code [2001:db8::1]:4711} or a bare {@code 2001:db8::1}; nothing for
     * {@code unknown}, an obfuscated identifier or anything else.
     */
    private static Optional<InetAddress> node(String node) {
        String text = unquote(node.trim());
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0
                    || !(close == text.length() - 1
                            || PORT.matcher(text.substring(close + 1)).matches())) {
                return Optional.empty();
            }
            String inner = text.substring(1, close);
            return inner.contains(":") ? literal(inner) : Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon > 0
                && colon == text.lastIndexOf(':')
                && PORT.matcher(text.substring(colon)).matches()) {
            return literal(text.substring(0, colon));
        }
        return literal(text);
    }

    /** An IPv4 or IPv6 literal; never a host name, so never a DNS lookup. */
    private static Optional<InetAddress> literal(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                String[] parts = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // Starting with a hex digit or a colon, holding a colon and only hex digits, colons and dots, it is
            // parsed by the JDK as an IPv6 literal, which fails without asking DNS when it is not one.
            if (IPV6.matcher(text).matches()) {
                return Optional.of(InetAddress.getByName(text));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    /** Splits on {@code separator} outside double-quoted strings (which may hold it, and escaped quotes). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }
}
