package io.connectstage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetRepositoryAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Repository;
import io.connectstage.processing.CertificationDesk;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.repository.GitFixture;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.PublishedConnectorService;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The spec analyzer end to end: git repositories made by the test, the service on the memory store")
class SpecAnalysisEndToEndTest {
    private static final String URL = "git@github.com:acme/connector.git";
    private static final String EMPTY_URL = "git@github.com:acme/empty.git";
    private static final String CONNECT_YAML = String.join("\n",
            "deployAs:",
            "  - name: service-app",
            "    applicationType: service",
            "    endpoint: /service",
            "    configuration:",
            "      standardConfiguration:",
            "        - key: CTP_REGION",
            "          description: commercetools region",
            "          required: true",
            "          default: europe-west1.gcp",
            "      securedConfiguration:",
            "        - key: CTP_CLIENT_SECRET",
            "          description: client secret",
            "  - name: job-app",
            "    applicationType: job",
            "    endpoint: /job",
            "    properties:",
            "      schedule: '*/5 * * * *'",
            "inheritAs:",
            "  apiClient:",
            "    scopes:",
            "      - manage_orders",
            "");

    @TempDir
    Path tmp;

    private final InMemoryConnectorStore store = new InMemoryConnectorStore();
    private final InMemoryPublishedConnectorStore published = new InMemoryPublishedConnectorStore();
    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(16);
    private ConnectorStagedService service;
    private CertificationDesk desk;

    @BeforeEach
    void repositories() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("connector"))) {
            repo.write("connect.yaml", CONNECT_YAML).commit("1.0.0");
            repo.lightweightTag("1.0.0");
            repo.write("connect.yaml", CONNECT_YAML.replace("      - manage_orders", "      - manage_orders\n      - view_products"))
                    .commit("1.1.0");
            repo.annotatedTag("1.1.0");
            repo.write("connect.yaml", "deployAs: not-a-list\n").commit("broken");
            repo.lightweightTag("broken");
        }
        try (GitFixture repo = GitFixture.init(tmp.resolve("empty"))) {
            repo.write("README.md", "no connect.yaml here\n").commit("first");
            repo.lightweightTag("1.0.0");
        }
        GitRepositorySource source = GitRepositorySource.builder()
                .mirror(URL, tmp.resolve("connector"))
                .mirror(EMPTY_URL, tmp.resolve("empty"))
                .workDirectory(tmp.resolve("work"))
                .build();
        ConnectorProcessor processor = ConnectorProcessor.builder(store, published, new SpecAnalyzer(source))
                .executor(tasks::add).build();
        service = ConnectorStagedService.builder(store).processing(processor).build();
        desk = new CertificationDesk(store, processor);
    }

    private ConnectorStaged create(String url, String tag) {
        return service.create(ConnectorStagedDraft.of("Acme connector", Creator.ofEmail("dev@acme.example"),
                new Repository(url, tag))).get();
    }

    private ConnectorStaged update(ConnectorStaged c, ConnectorUpdateAction action) {
        return service.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), action)).get();
    }

    private ConnectorStaged processAll(ConnectorStaged c) {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        return store.findById(c.id()).get();
    }

    private static List<String> titles(List<ConnectorReportEntry> entries) {
        return entries.stream().map(ConnectorReportEntry::title).toList();
    }

    @Test
    void createLoadsTheConfigurationsOfTheTagInFileOrder() {
        ConnectorStaged created = create(URL, "1.0.0");
        assertEquals(List.of("service-app", "job-app"),
                created.configurations().stream().map(c -> c.applicationName()).toList());
        assertEquals(ApplicationType.JOB, created.configurations().get(1).applicationType());
        assertEquals("CTP_REGION", created.configurations().get(0).standardConfiguration().get(0).key());
        assertEquals(List.of("manage_orders"), created.apiClient().scopes());
    }

    @Test
    void setRepositoryReloadsTheConfigurationsFromTheNewTag() {
        ConnectorStaged moved = update(create(URL, "1.0.0"), new ConnectorSetRepositoryAction(URL, "1.1.0"));
        assertEquals(List.of("manage_orders", "view_products"), moved.apiClient().scopes());
        assertEquals(2, moved.version());
    }

    @Test
    void aRepositoryThatCannotBeReadStillCreatesTheConnectorWithEmptyConfigurations() {
        ConnectorStaged created = create("https://127.0.0.1:1/nowhere.git", "1.0.0");
        assertEquals(List.of(), created.configurations());
    }

    @Nested
    @DisplayName("a preview request")
    class Preview {
        @Test
        void goesPendingThenTrueWithInformationEntries() {
            ConnectorStaged pending = update(create(URL, "1.0.0"), new ConnectorUpdatePreviewableAction());
            assertEquals(IsPreviewable.PENDING, pending.isPreviewable());
            ConnectorStaged settled = processAll(pending);
            assertEquals(IsPreviewable.TRUE, settled.isPreviewable());
            assertEquals(List.of(ReportTitles.SPEC_VALID, ReportTitles.CHECKS_NOT_RUN),
                    titles(settled.previewableReport().entries()));
            assertTrue(settled.previewableReport().entries().stream()
                    .noneMatch(e -> e.title().contains("succeeded") && e.title().contains("SAST")));
        }

        @Test
        void aRepositoryWithoutConnectYamlGoesFalseWithSpecificationFileNotFound() {
            ConnectorStaged settled = processAll(update(create(EMPTY_URL, "1.0.0"), new ConnectorUpdatePreviewableAction()));
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            ConnectorReportEntry entry = settled.previewableReport().entries().get(0);
            assertEquals(ConnectorReportEntryType.ERROR, entry.type());
            assertEquals(ReportTitles.SPEC_NOT_FOUND, entry.title());
        }

        @Test
        void aTagThatDoesNotExistGoesFalseWithGitRepositoryNotReachable() {
            ConnectorStaged settled = processAll(update(create(URL, "9.9.9"), new ConnectorUpdatePreviewableAction()));
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            assertEquals(ReportTitles.REPOSITORY_NOT_REACHABLE, settled.previewableReport().entries().get(0).title());
        }

        @Test
        void anInvalidSpecificationGoesFalseWithOneErrorPerProblemNamingItsPath() {
            ConnectorStaged settled = processAll(update(create(URL, "broken"), new ConnectorUpdatePreviewableAction()));
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            ConnectorReportEntry entry = settled.previewableReport().entries().get(0);
            assertEquals(ReportTitles.SPEC_NOT_VALID, entry.title());
            assertTrue(entry.message().startsWith("deployAs"), entry.message());
        }
    }

    @Nested
    @DisplayName("a publish request")
    class Publish {
        @Test
        void goesProcessingThenPublishedAndTheConnectorIsReadable() {
            ConnectorStaged processing = update(create(URL, "1.0.0"), new ConnectorPublishAction(false));
            assertEquals(ConnectorStatus.PROCESSING, processing.status());
            ConnectorStaged settled = processAll(processing);
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            Connector connector = new PublishedConnectorService(published).get(ResourceRef.key(settled.key() == null
                    ? "none" : settled.key())).getOrElse(() -> published.findById(settled.id()).get());
            assertEquals(settled.configurations(), connector.configurations());
            assertFalse(connector.certified());
            assertFalse(settled.hasChanges());
            assertTrue(update(settled, new ConnectorSetNameAction("Renamed")).hasChanges());
        }

        @Test
        void aTagThatDoesNotExistFailsWithThePublishingReport() {
            ConnectorStaged settled = processAll(update(create(URL, "9.9.9"), new ConnectorPublishAction(false)));
            assertEquals(ConnectorStatus.FAILED, settled.status());
            assertEquals(ReportTitles.REPOSITORY_NOT_REACHABLE, settled.publishingReport().entries().get(0).title());
        }

        @Test
        void theCertificationPathEndsListedAndSearchable() {
            ConnectorStaged ready = processAll(update(create(URL, "1.0.0"), new ConnectorPublishAction(true)));
            assertEquals(ConnectorStatus.READY_FOR_CERTIFICATION, ready.status());
            desk.start(ready.id());
            desk.comment(ready.id(), "certification-team", "All checks done");
            ConnectorStaged approved = desk.approve(ready.id()).get();
            assertEquals(ConnectorStatus.PUBLISHED, approved.status());
            assertTrue(approved.alreadyListed());
            assertEquals(List.of(approved.id()), new PublishedConnectorService(published)
                    .search(ConnectorSearch.defaults().withText("acme")).get().results().stream().map(Connector::id).toList());
        }
    }
}
