package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/**
 * {@code setRepository}: points the Connector at another repository or tag. The service reloads
 * the configurations from it.
 *
 * <p>Both fields are optional: a missing {@code url} keeps the current url, a missing {@code tag}
 * the current tag. The official CLI (0.0.23) sends this action on every {@code connectorstaged
 * update}, with the current tag and no url unless {@code --repository-url} is given, so the real
 * service must read it so. An action that ends at the current repository (neither field, or the
 * same values) changes nothing: the connector is answered as it is, so it neither reloads the
 * configurations nor counts as a change against the production Connector.
 *
 * <pre>{@code
 * new ConnectorSetRepositoryAction(null, "1.2.0").applyTo(staged, context); // same url, tag 1.2.0
 * }</pre>
 */
@JsonTypeName("setRepository")
@JsonInclude(JsonInclude.Include.NON_NULL) // an absent field means "keep", so it is written absent
public record ConnectorSetRepositoryAction(String url, String tag) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.repository(target(next.repository()));
        return io.vavr.collection.List.empty();
    }

    @Override
    public boolean changes(ConnectorStaged.Changes current) {
        return !target(current.repository()).equals(current.repository());
    }

    private Repository target(Repository now) {
        return new Repository(url == null ? now.url() : url, tag == null ? now.tag() : tag);
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
