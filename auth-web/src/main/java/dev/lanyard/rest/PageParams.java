package dev.lanyard.rest;

import dev.lanyard.paging.PageRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=} and {@code ?per_page=} of a paginated list, taken as text so that a bad value is a 422 with
 * the parameter named, not a 404. Use as a {@code @Valid @BeanParam}.
 */
public class PageParams {

    @QueryParam("page")
    @Pattern(regexp = "[1-9][0-9]{0,8}", message = "The page field must be a positive integer.")
    String page;

    @QueryParam("per_page")
    @Pattern(regexp = "[1-9][0-9]?|100", message = "The per page field must be an integer from 1 to 100.")
    String perPage;

    public PageRequest toRequest() {
        return new PageRequest(
                page == null ? 1 : Integer.parseInt(page),
                perPage == null ? PageRequest.DEFAULT_PER_PAGE : Integer.parseInt(perPage));
    }
}
