package dev.lanyard.paging;

/** Which page of a list to answer: 1-based, at most {@link #MAX_PER_PAGE} items. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page " + page + " of " + perPage + " per page");
        }
    }

    public int offset() {
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, (long) (page - 1) * perPage));
    }
}
