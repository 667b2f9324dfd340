package io.connectstage.store;

import io.connectstage.connector.Connector;
import java.util.List;

/** What a published store answers to a search: the page, and the number of all matches. */
public record ConnectorSearchPage(List<Connector> results, long total) {

    public ConnectorSearchPage {
        results = List.copyOf(results);
    }
}
