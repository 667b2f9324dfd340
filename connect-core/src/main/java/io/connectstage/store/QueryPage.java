package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import java.util.List;

/** What a store answers to a query: the page, and the number of all matches. */
public record QueryPage(List<ConnectorStaged> results, long total) {

    public QueryPage {
        results = List.copyOf(results);
    }
}
