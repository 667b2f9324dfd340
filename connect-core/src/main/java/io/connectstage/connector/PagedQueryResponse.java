package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page of query results: {@code count} is the size of this page, {@code total} the number of
 * all matches. Used for ConnectorStaged queries and Connector searches alike.
 *
 * @param <T> the resource type
 */
@JsonPropertyOrder({"limit", "offset", "count", "total", "results"})
public record PagedQueryResponse<T>(long limit, long offset, long count, long total, List<T> results) {

    public PagedQueryResponse {
        results = Lists.orEmpty(results);
    }

    /** The page at {@code offset} of at most {@code limit} results out of {@code total} matches. */
    public static <T> PagedQueryResponse<T> of(long limit, long offset, long total, List<T> results) {
        return new PagedQueryResponse<>(limit, offset, results.size(), total, results);
    }
}
