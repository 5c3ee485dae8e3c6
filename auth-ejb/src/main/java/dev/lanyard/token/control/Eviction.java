package dev.lanyard.token.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What cached tokens a change makes untrustworthy: some tokens by id, every token of some owners, or every token.
 * It travels between the nodes of a cluster as a short text ({@link #encode()}), so the data grid needs none of
 * Lanyard's classes to carry it.
 */
public record Eviction(Set<Long> tokenIds, Set<Long> ownerIds, boolean everything) {

    public Eviction {
        tokenIds = Set.copyOf(tokenIds);
        ownerIds = Set.copyOf(ownerIds);
    }

    public static Eviction none() {
        return new Eviction(Set.of(), Set.of(), false);
    }

    public static Eviction tokens(Collection<Long> tokenIds) {
        return new Eviction(Set.copyOf(tokenIds), Set.of(), false);
    }

    public static Eviction owner(long ownerId) {
        return new Eviction(Set.of(), Set.of(ownerId), false);
    }

    public static Eviction all() {
        return new Eviction(Set.of(), Set.of(), true);
    }

    public Eviction and(Eviction other) {
        Set<Long> tokens = new HashSet<>(tokenIds);
        tokens.addAll(other.tokenIds);
        Set<Long> owners = new HashSet<>(ownerIds);
        owners.addAll(other.ownerIds);
        return new Eviction(tokens, owners, everything || other.everything);
    }

    /** {@code *} for everything, else {@code t1,2;o3}: token ids after {@code t}, owner ids after {@code o}. */
    public String encode() {
        return everything ? "*" : "t" + join(tokenIds) + ";o" + join(ownerIds);
    }

    /** The eviction a text of {@link #encode()} names; empty when it is no such text. */
    public static Optional<Eviction> decode(String text) {
        if ("*".equals(text)) {
            return Optional.of(all());
        }
        String[] parts = text.split(";", -1);
        if (parts.length != 2 || !parts[0].startsWith("t") || !parts[1].startsWith("o")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Eviction(ids(parts[0].substring(1)), ids(parts[1].substring(1)), false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String join(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Long> ids(String joined) {
        return joined.isEmpty()
                ? Set.of()
                : Arrays.stream(joined.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
