package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a client sends to create a ConnectorStaged. Required: {@code name}, {@code creator} (with
 * its {@code email}) and {@code repository}; the rest is optional and {@code null} when absent.
 * The record holds what was sent, valid or not: {@link io.connectstage.staging.ConnectorStaging#create}
 * checks it and reports every broken rule at once.
 *
 * <p>Java code starts from {@link #of} with the required fields and adds the others with the
 * {@code with…} methods; the canonical constructor is there for the JSON reader.
 *
 * <pre>{@code
 * var draft = ConnectorStagedDraft.of("Connector's name", Creator.ofEmail("john.doe@example.com"),
 *         new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0"))
 *     .withKey("connector-key")
 *     .withSupportedRegions(List.of(Region.EUROPE_WEST1_GCP))
 *     .withPrivateProjects(List.of("europe-west1.gcp:my-project"));
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "name", "description", "integrationTypes", "creator", "repository",
        "supportedRegions", "privateProjects", "documentationUrl"})
public record ConnectorStagedDraft(
        String key,
        String name,
        String description,
        List<IntegrationType> integrationTypes,
        Creator creator,
        Repository repository,
        List<Region> supportedRegions,
        List<String> privateProjects,
        String documentationUrl) {

    public ConnectorStagedDraft {
        integrationTypes = Lists.inputCopy(integrationTypes);
        supportedRegions = Lists.inputCopy(supportedRegions);
        privateProjects = Lists.inputCopy(privateProjects);
    }

    /** A draft with only the required fields. */
    public static ConnectorStagedDraft of(String name, Creator creator, Repository repository) {
        return new ConnectorStagedDraft(null, name, null, null, creator, repository, null, null, null);
    }

    public ConnectorStagedDraft withKey(String value) {
        return new ConnectorStagedDraft(value, name, description, integrationTypes, creator, repository,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withName(String value) {
        return new ConnectorStagedDraft(key, value, description, integrationTypes, creator, repository,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withCreator(Creator value) {
        return new ConnectorStagedDraft(key, name, description, integrationTypes, value, repository,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withRepository(Repository value) {
        return new ConnectorStagedDraft(key, name, description, integrationTypes, creator, value,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withDescription(String value) {
        return new ConnectorStagedDraft(key, name, value, integrationTypes, creator, repository,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withIntegrationTypes(List<IntegrationType> value) {
        return new ConnectorStagedDraft(key, name, description, value, creator, repository,
                supportedRegions, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withSupportedRegions(List<Region> value) {
        return new ConnectorStagedDraft(key, name, description, integrationTypes, creator, repository,
                value, privateProjects, documentationUrl);
    }

    public ConnectorStagedDraft withPrivateProjects(List<String> value) {
        return new ConnectorStagedDraft(key, name, description, integrationTypes, creator, repository,
                supportedRegions, value, documentationUrl);
    }

    public ConnectorStagedDraft withDocumentationUrl(String value) {
        return new ConnectorStagedDraft(key, name, description, integrationTypes, creator, repository,
                supportedRegions, privateProjects, value);
    }
}
