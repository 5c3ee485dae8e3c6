package dev.lanyard.rest;

import dev.lanyard.paging.Page;
import java.util.List;
import java.util.function.Function;

/** The contract's paginated answer: {@code {data:[...], meta:{page, per_page, total}}}. */
public record Paged<T>(List<T> data, Meta meta) {

    public record Meta(int page, int perPage, long total) {}

    public static <E, T> Paged<T> of(Page<E> page, Function<? super E, ? extends T> view) {
        return new Paged<>(
                page.items().stream().<T>map(view).toList(),
                new Meta(page.request().page(), page.request().perPage(), page.total()));
    }
}
