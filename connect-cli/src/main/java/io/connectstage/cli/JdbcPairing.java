package io.connectstage.cli;

import io.connectstage.http.JdbcPublishedAccess;
import io.connectstage.http.SharedPublished;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcPublishedConnectorStore;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The published Connectors all projects of a JDBC store share, in one schema, each project's staged
 * store paired with them: a project's write that settles a publish saves the published Connector
 * and the record of who may read it in the shared schema's tables, in that write's transaction
 * ({@link JdbcConnectorStore#publishingTo}), so a server stopped at any moment leaves both or
 * neither, and a processor that lost its claim publishes nothing.
 */
final class JdbcPairing {
    private JdbcPairing() {
    }

    /**
     * The shared store over {@code shared} (a schema of the database the projects' schemas are in,
     * a {@code SharedDatabase}), whose pairing takes the projects' {@link JdbcConnectorStore}s.
     */
    static SharedPublished shared(DataSource shared) {
        JdbcPublishedConnectorStore store = new JdbcPublishedConnectorStore(shared);
        JdbcPublishedAccess access = new JdbcPublishedAccess(shared); // the same schema as the store's tables
        return new SharedPublished(store, access, (projectKey, staged) -> pair(projectKey, staged, store, access));
    }

    private static Optional<ConnectorStore> pair(String projectKey, ConnectorStore staged, JdbcPublishedConnectorStore store,
            JdbcPublishedAccess access) {
        if (!(staged instanceof JdbcConnectorStore jdbc)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.publishingTo(store, (c, next, publication) -> {
            var record = SharedPublished.access(projectKey, next, publication);
            if (record.isPresent()) {
                access.record(c, next.id(), record.get());
            }
        }));
    }
}
