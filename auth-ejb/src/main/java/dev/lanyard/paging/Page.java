package dev.lanyard.paging;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, and how long the whole list is. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of {@code items}, and the whole list's length from {@code count}. */
    public static <T> Page<T> of(TypedQuery<T> items, TypedQuery<Long> count, PageRequest request) {
        return new Page<>(
                items.setFirstResult(request.offset())
                        .setMaxResults(request.perPage())
                        .getResultList(),
                count.getSingleResult(),
                request);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, request);
    }
}
