package io.connectstage.spec;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.Lists;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code deployAs} in a valid {@code connect.yaml}: its name (also the folder of its
 * code), its type ({@code mc-app} is read as
 * {@link ApplicationType#MERCHANT_CENTER_CUSTOM_APPLICATION}), the endpoint of a service, event or
 * job ({@code null} for the others), the schedule of a job ({@code null} for the others), its
 * configuration keys in file order (empty lists when it declares none), and its {@code scripts}
 * ({@link ApplicationScripts#NONE} when it has none).
 *
 * <pre>{@code
 * ApplicationSpecification job = spec.applications().get(1);
 * job.schedule();          // "0 0 * * *"
 * job.toConfiguration();   // the ConnectorConfigurationApplication of the API
 * }</pre>
 */
public record ApplicationSpecification(
        String name,
        ApplicationType applicationType,
        String endpoint,
        String schedule,
        List<StandardConfigurationKey> standardConfiguration,
        List<SecuredConfigurationKey> securedConfiguration,
        ApplicationScripts scripts) {

    public ApplicationSpecification {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(applicationType, "applicationType is null");
        standardConfiguration = Lists.orEmpty(standardConfiguration);
        securedConfiguration = Lists.orEmpty(securedConfiguration);
        scripts = scripts == null ? ApplicationScripts.NONE : scripts;
    }

    /** An application without scripts. */
    public ApplicationSpecification(String name, ApplicationType applicationType, String endpoint, String schedule,
            List<StandardConfigurationKey> standardConfiguration, List<SecuredConfigurationKey> securedConfiguration) {
        this(name, applicationType, endpoint, schedule, standardConfiguration, securedConfiguration, ApplicationScripts.NONE);
    }

    /** This application as the API shows it in {@code ConnectorStaged.configurations}. */
    public ConnectorConfigurationApplication toConfiguration() {
        return new ConnectorConfigurationApplication(name, applicationType, standardConfiguration, securedConfiguration);
    }
}
