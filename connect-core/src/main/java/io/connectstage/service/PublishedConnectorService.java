package io.connectstage.service;

import io.connectstage.connector.Connector;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * The read side of published Connectors: {@code GET /connectors/{id}}, {@code /connectors/key={key}}
 * and {@code /connectors/search}.
 */
public final class PublishedConnectorService {
    private final PublishedConnectorStore store;

    public PublishedConnectorService(PublishedConnectorStore store) {
        this.store = Objects.requireNonNull(store, "store is null");
    }

    /** The published Connector with this id or key: {@code ResourceNotFound} when there is none. */
    public Either<ErrorResponse, Connector> get(ResourceRef ref) {
        return Answers.found(ref, store::findById, store::findByKey);
    }

    /** A page of listed (or private) Connectors matching the search. */
    public Either<ErrorResponse, PagedQueryResponse<Connector>> search(ConnectorSearch search) {
        if (search == null) {
            return Either.left(ErrorResponse.of(ConnectError.requiredField("search")));
        }
        Seq<ConnectError> invalid = search.errors();
        if (!invalid.isEmpty()) {
            return Either.left(ErrorResponse.of(invalid));
        }
        ConnectorSearchPage page = store.search(search);
        return Either.right(PagedQueryResponse.of(search.limit(), search.offset(), page.total(), page.results()));
    }
}
