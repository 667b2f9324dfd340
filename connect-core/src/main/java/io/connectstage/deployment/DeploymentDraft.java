package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.Lists;
import io.connectstage.connector.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a create request: which connector to deploy ({@code connector}, by id or key,
 * {@code staged} for a previewable ConnectorStaged), into which {@code region}, as which
 * {@code type} (default {@code preview} for a staged connector, {@code sandbox} for a published
 * one), with which configuration values. As an input value it keeps whatever the client sent,
 * {@code null}s included; {@link Deployments#create} reports every rule it breaks.
 *
 * <pre>{@code
 * DeploymentDraft draft = DeploymentDraft.builder()
 *     .key("my-deployment")
 *     .connector(new ConnectorReference(null, "connector-key", null, null))
 *     .region(Region.EUROPE_WEST1_GCP)
 *     .type(DeploymentType.PRODUCTION)
 *     .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", "s3cr3t"))
 *     .build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "type", "connector", "configurations", "globalConfiguration", "region"})
public record DeploymentDraft(
        String key,
        DeploymentType type,
        ConnectorReference connector,
        List<DeploymentConfigurationApplication> configurations,
        DeploymentGlobalConfiguration globalConfiguration,
        Region region) {

    public DeploymentDraft {
        configurations = Lists.inputCopy(configurations);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for a {@link DeploymentDraft}; nothing is checked before {@link Deployments#create}. */
    public static final class Builder {
        private String key;
        private DeploymentType type;
        private ConnectorReference connector;
        private final List<DeploymentConfigurationApplication> configurations = new ArrayList<>();
        private DeploymentGlobalConfiguration globalConfiguration;
        private Region region;

        private Builder() {
        }

        public Builder key(String value) {
            key = value;
            return this;
        }

        public Builder type(DeploymentType value) {
            type = value;
            return this;
        }

        public Builder connector(ConnectorReference value) {
            connector = value;
            return this;
        }

        /** The published Connector with this key. */
        public Builder connectorKey(String value) {
            connector = new ConnectorReference(null, value, null, null);
            return this;
        }

        /** The ConnectorStaged with this key (for a {@code preview}). */
        public Builder stagedConnectorKey(String value) {
            connector = new ConnectorReference(null, value, null, true);
            return this;
        }

        /** Adds the values of one application. */
        public Builder configuration(DeploymentConfigurationApplication value) {
            configurations.add(value);
            return this;
        }

        public Builder globalConfiguration(DeploymentGlobalConfiguration value) {
            globalConfiguration = value;
            return this;
        }

        public Builder region(Region value) {
            region = value;
            return this;
        }

        public DeploymentDraft build() {
            return new DeploymentDraft(key, type, connector, configurations, globalConfiguration, region);
        }
    }
}
