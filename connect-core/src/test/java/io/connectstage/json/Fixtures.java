package io.connectstage.json;

import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Which type each example of {@code examples/} is read as. Every file there is listed here once
 * ({@link ConnectJsonFixtureCatalogueTest} checks it), so that no example escapes the round trip.
 */
final class Fixtures {
    /** setConfigurations: an example without a RAML type, for an action removed from the API. */
    static final String ORPHAN_ACTION = "connector/updates/ConnectorSetConfigurationsAction.json";
    /** The seed's SecuredConfigurationKey example is a copy of the standard key's, {@code default} included. */
    static final String SECURED_KEY_WITH_DEFAULT = "seed/SecuredConfigurationKey.json";

    static final List<String> STAGED = List.of(
            "connector/staged.json",
            "connector/created-draft.json",
            "connector/updated-draft.json",
            "seed/get-by-id-response.json",
            "seed/get-by-key-response.json",
            "seed/create-response.json",
            "seed/update-by-id-response.json",
            "seed/update-by-key-response.json");

    static final List<String> STAGED_PAGES = List.of("connector/staged-paged.json", "seed/query-response.json");

    static final List<String> CONNECTORS = List.of("connector/minimal.json");

    static final List<String> CONNECTOR_PAGES = List.of("connector/paged.json");

    static final Map<String, Class<?>> PARTS = Map.ofEntries(
            Map.entry("connector/Creator.json", Creator.class),
            Map.entry("connector/Repository.json", Repository.class),
            Map.entry("connector/ConnectorConfigurationApplication.json", ConnectorConfigurationApplication.class),
            // The RAML shows ConfigurationKey.json as the example of StandardConfigurationKey.
            Map.entry("connector/ConfigurationKey.json", StandardConfigurationKey.class),
            Map.entry("connector/ConfigurationKeyStandard.json", StandardConfigurationKey.class),
            Map.entry("connector/ConfigurationKeySecured.json", SecuredConfigurationKey.class),
            Map.entry("connector/ConnectorReportEntry.json", ConnectorReportEntry.class),
            Map.entry("connector/CertificationInfoComment.json", CertificationInfoComment.class),
            Map.entry("connector/ConnectorReference.json", ConnectorReference.class),
            Map.entry("seed/Creator.json", Creator.class),
            Map.entry("seed/Repository.json", Repository.class),
            Map.entry("seed/ConnectorConfigurationApplication.json", ConnectorConfigurationApplication.class),
            Map.entry("seed/StandardConfigurationKey.json", StandardConfigurationKey.class),
            Map.entry("seed/ConnectorReportEntry.json", ConnectorReportEntry.class),
            Map.entry("seed/CertificationInfoComment.json", CertificationInfoComment.class));

    static final List<String> UPDATES = List.of(
            "connector/update.json", "seed/update-by-id-request.json", "seed/update-by-key-request.json");

    /** ConnectorStagedDraft bodies that carry read-only fields of a ConnectorStaged. */
    static final List<String> DRAFTS = List.of("connector/draft.json", "seed/create-request.json");

    static final List<String> ERRORS = List.of(
            "error/error-response.json", "error/not-found.json", "error.example.json");

    private Fixtures() {
    }

    /** Every update action example that has a type: the RAML's and the seed's. */
    static List<String> actions() {
        return Stream.concat(Examples.in("connector/updates").stream(), Examples.in("seed/actions").stream())
                .filter(path -> !path.equals(ORPHAN_ACTION))
                .toList();
    }

    static Stream<String> staged() {
        return STAGED.stream();
    }

    static Stream<String> stagedPages() {
        return STAGED_PAGES.stream();
    }

    static Stream<String> connectors() {
        return CONNECTORS.stream();
    }

    static Stream<String> connectorPages() {
        return CONNECTOR_PAGES.stream();
    }

    static Stream<Arguments> parts() {
        return PARTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<String> updates() {
        return UPDATES.stream();
    }

    static Stream<String> actionExamples() {
        return actions().stream();
    }

    static Stream<String> drafts() {
        return DRAFTS.stream();
    }

    static Stream<String> errors() {
        return ERRORS.stream();
    }

    /** Every example the catalogue knows, each once. */
    static List<String> catalogued() {
        return Stream.of(STAGED.stream(), STAGED_PAGES.stream(), CONNECTORS.stream(), CONNECTOR_PAGES.stream(),
                        PARTS.keySet().stream(), UPDATES.stream(), actions().stream(), DRAFTS.stream(),
                        ERRORS.stream(), Stream.of(ORPHAN_ACTION, SECURED_KEY_WITH_DEFAULT))
                .flatMap(s -> s)
                .toList();
    }
}
