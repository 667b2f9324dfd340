package io.connectstage.deployment;

import io.connectstage.connector.Lists;
import java.util.List;

/**
 * Which projects may use a private connector: the project that created it, always, and the
 * projects of its {@code privateProjects}. The reference says of {@code privateProjects}: "If
 * empty, only the creator can access this Connector"; so the list adds projects to the creator,
 * it never shuts the creator out. A {@code privateProjects} entry is a project key or
 * {@code region:projectKey}; the region may differ from the Deployment's, so only the project key
 * part is compared.
 *
 * <pre>{@code
 * new ConnectorAccess("my-project", List.of("europe-west1.gcp:partner")).allows("partner"); // true
 * }</pre>
 *
 * @param creatorProject the key of the project that created the connector, {@code null} when unknown
 */
public record ConnectorAccess(String creatorProject, List<String> privateProjects) {

    public ConnectorAccess {
        privateProjects = Lists.orEmpty(privateProjects);
    }

    /** Access of a connector whose creator is not known here: its {@code privateProjects} only. */
    public static ConnectorAccess sharedWith(List<String> privateProjects) {
        return new ConnectorAccess(null, privateProjects);
    }

    /** Whether this project created the connector or is among its {@code privateProjects}. */
    public boolean allows(String projectKey) {
        if (projectKey == null) {
            return false;
        }
        if (projectKey.equals(creatorProject)) {
            return true;
        }
        for (String p : privateProjects) {
            if (p != null && projectKeyOf(p).equals(projectKey)) {
                return true;
            }
        }
        return false;
    }

    /** The project key of a project identifier {@code region:projectKey} (the whole text if it has no colon). */
    public static String projectKeyOf(String projectIdentifier) {
        int colon = projectIdentifier.lastIndexOf(':');
        return colon < 0 ? projectIdentifier : projectIdentifier.substring(colon + 1);
    }
}
