package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.vavr.control.Option;

/**
 * Where the published (production) Connectors live, next to their staged versions. A publish
 * creates or replaces one; {@code listed} says whether a certified Connector shows in listings
 * (unlisting hides it from search but keeps it readable by id and key, since deployed instances
 * go on using it). Implementations must be safe for concurrent use.
 */
public interface PublishedConnectorStore {

    Option<Connector> findById(String id);

    Option<Connector> findByKey(String key);

    /**
     * Creates the Connector with this id, or replaces it and its listing unless the stored one has
     * a higher version: an older version changes nothing (two processors that settle publishes out
     * of order keep the newer one), the same version replaces it (a settle done again).
     */
    void save(Connector connector, boolean listed);

    /** Changes only the listing of a stored Connector; answers whether there was one. */
    boolean setListed(String id, boolean listed);

    /**
     * One page of the Connectors that match the search, in its order, and how many match in all.
     * Only listed or private Connectors are searched.
     */
    ConnectorSearchPage search(ConnectorSearch search);
}
