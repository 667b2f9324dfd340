package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.Lists;
import java.util.List;
import java.util.Objects;

/**
 * One application of a Deployment with the configuration values it runs with, and what its
 * deployment produced: the {@code url} of a service or Merchant Center application, the Pub/Sub
 * {@code topic} of an event application, the cron {@code schedule} of a job (each {@code null}
 * until known, and then left out of the JSON).
 *
 * <pre>{@code
 * ApplicationDeployment deployed = app.withUrl("https://service-1a2b.europe-west1.gcp.commercetools.app");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "applicationName", "standardConfiguration", "securedConfiguration", "url", "topic", "schedule"})
public record ApplicationDeployment(
        String id,
        String applicationName,
        List<ConfigurationValue> standardConfiguration,
        List<SecuredConfigurationValue> securedConfiguration,
        String url,
        String topic,
        String schedule) {

    public ApplicationDeployment {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(applicationName, "applicationName is null");
        standardConfiguration = Lists.orEmpty(standardConfiguration);
        securedConfiguration = Lists.orEmpty(securedConfiguration);
    }

    /** An application not deployed yet: configuration values only. */
    public static ApplicationDeployment of(String id, String applicationName,
            List<ConfigurationValue> standard, List<SecuredConfigurationValue> secured) {
        return new ApplicationDeployment(id, applicationName, standard, secured, null, null, null);
    }

    public ApplicationDeployment withConfiguration(List<ConfigurationValue> standard, List<SecuredConfigurationValue> secured) {
        return new ApplicationDeployment(id, applicationName, standard, secured, url, topic, schedule);
    }

    public ApplicationDeployment withUrl(String value) {
        return new ApplicationDeployment(id, applicationName, standardConfiguration, securedConfiguration, value, topic, schedule);
    }

    public ApplicationDeployment withTopic(String value) {
        return new ApplicationDeployment(id, applicationName, standardConfiguration, securedConfiguration, url, value, schedule);
    }

    /**
     * The Pub/Sub topic of this application when it is an event application: the one it has, else
     * the one its deployment gives it ({@code connect-<first 8 of its id>-<name in lower case>}).
     * Not a record component: it is a rule, kept here so the lifecycle and a runner derive it alike.
     */
    public String eventTopic() {
        return topic != null ? topic : "connect-" + shortId() + "-" + applicationName.toLowerCase(java.util.Locale.ROOT);
    }

    /** The first 8 characters of the id, as Connect's generated names use it. */
    String shortId() {
        return id.length() >= 8 ? id.substring(0, 8) : id;
    }

    public ApplicationDeployment withSchedule(String value) {
        return new ApplicationDeployment(id, applicationName, standardConfiguration, securedConfiguration, url, topic, value);
    }
}
