package io.connectstage.http;

import io.connectstage.deployment.ConnectorAccess;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may read a published Connector, kept next to the one store of published Connectors that all
 * projects share: the project that published it and the {@code privateProjects} of its staged
 * connector at its latest publish. A public Connector is readable by every project; a private one
 * only by its project and its private projects; one without a record is public if public, and
 * readable by nobody if private.
 */
public interface PublishedAccess {

    /** Creates or replaces the record of this Connector. */
    void record(String connectorId, Access access);

    Optional<Access> find(String connectorId);

    /** The project that published a Connector, and the projects its private version is shared with. */
    record Access(String ownerProject, List<String> privateProjects) {
        public Access {
            Objects.requireNonNull(ownerProject, "ownerProject is null");
            privateProjects = List.copyOf(privateProjects);
        }

        /**
         * Whether this project may read the private Connector: its own, or one of its
         * {@code privateProjects} ({@code REGION:projectKey} or a project key); the one rule of
         * {@link ConnectorAccess#allows}, which Deployments use too.
         */
        public boolean allows(String projectKey) {
            return new ConnectorAccess(ownerProject, privateProjects).allows(projectKey);
        }
    }

    /** Records in memory, for memory stores. */
    static PublishedAccess memory() {
        return new MemoryPublishedAccess();
    }
}
