package io.connectstage.testkit;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.connectstage.action.ConnectorAddCertificationCommentAction;
import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorRemovePrivateProjectAction;
import io.connectstage.action.ConnectorSetCreatorCompanyAction;
import io.connectstage.action.ConnectorSetCreatorEmailAction;
import io.connectstage.action.ConnectorSetCreatorLogoAction;
import io.connectstage.action.ConnectorSetCreatorNameAction;
import io.connectstage.action.ConnectorSetCreatorNoOfContributorsAction;
import io.connectstage.action.ConnectorSetCreatorSupportUrlAction;
import io.connectstage.action.ConnectorSetCreatorTitleAction;
import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorSetDocumentationUrlAction;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetRepositoryAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The QuickTheories generators of connectstage, in one place, for the property tests of every
 * module and for users' own property tests (connect-testkit).
 *
 * <p>"Valid" means valid by the field rules of the API reference; a valid action may still be
 * refused by the state it meets (adding a project to a public connector, removing one that is not
 * listed). Project identifiers are drawn mostly from the small {@link #PROJECT_POOL}, so that
 * generated adds and removes meet each other often.
 *
 * <pre>{@code
 * qt().forAll(Generators.drafts(), Generators.updateRequests()).checkAssert((draft, request) -> ...);
 * }</pre>
 */
public final class Generators {
    /** The characters of a connector key, {@code ^[A-Za-z0-9_-]+$}. */
    public static final List<Character> KEY_CHARS = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    /** The characters of the project-key part of a project identifier, {@code [a-zA-Z0-9-_]}. */
    public static final List<Character> PROJECT_KEY_CHARS = KEY_CHARS;
    /** The characters of the region part of a project identifier, {@code [a-zA-Z0-9-_.]}. */
    public static final List<Character> PROJECT_REGION_CHARS = chars(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
    /** A few valid project identifiers that most generated ones are drawn from. */
    public static final List<String> PROJECT_POOL = List.of(
            "europe-west1.gcp:example-project-key",
            "us-central1.gcp:shop_42",
            "australia-southeast1.gcp:ab",
            "eu-central-1.aws:Project-With-A-Long-Key-0123456789ab");
    /** Project identifiers that break {@code ^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$}. */
    public static final List<String> BAD_PROJECT_IDENTIFIERS = List.of(
            "",
            "example-project-key",
            "europe-west1.gcp:",
            ":example-project-key",
            "europe-west1.gcp:a",
            "europe-west1.gcp:" + "k".repeat(37),
            "europe-west1.gcp:bad key",
            "europe-west1.gcp:bad/key",
            "europe west1:project",
            "europe-west1.gcp:proj:ect",
            "europe-west1.gcp:projekt-ü");
    /** Text beyond ASCII, to keep the JSON honest. */
    private static final List<String> UNICODE_TEXT = List.of(
            "Connector's name", "Zahlungs-Connector für Österreich", "コネクタ", "emoji \uD83D\uDE80 rocket",
            "quote \" and backslash \\", "tab\tand\nnewline", "");

    private Generators() {
    }

    // ---- small values ----

    /** {@code gen}, or {@code null} in about {@code percentNull} percent of the cases. */
    public static <T> Gen<T> nullable(Gen<T> gen, int percentNull) {
        Objects.requireNonNull(gen, "gen is null");
        return integers().between(1, 100).zip(gen, (roll, value) -> roll <= percentNull ? null : value);
    }

    /** Printable ASCII text of 0 to {@code max} characters, sometimes text beyond ASCII. */
    public static Gen<String> text(int max) {
        return Generate.frequency(
                Pair.of(8, strings().basicLatinAlphabet().ofLengthBetween(0, max)),
                Pair.of(1, Generate.pick(UNICODE_TEXT)));
    }

    /** Non-empty text, such as a name. */
    public static Gen<String> names() {
        return Generate.frequency(
                Pair.of(8, strings().basicLatinAlphabet().ofLengthBetween(1, 40)),
                Pair.of(1, Generate.pick(UNICODE_TEXT.subList(0, 5))));
    }

    /** A string of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    public static Gen<String> stringOf(List<Character> alphabet, int min, int max) {
        return lists().of(Generate.pick(alphabet)).ofSizeBetween(min, max)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** A valid connector key: {@code ^[A-Za-z0-9_-]+$}, 2 to 256 characters, mostly short. */
    public static Gen<String> keys() {
        return Generate.frequency(
                Pair.of(9, stringOf(KEY_CHARS, 2, 24)),
                Pair.of(1, stringOf(KEY_CHARS, 2, 256)));
    }

    /** A valid key, or {@code null} (the key is optional). */
    public static Gen<String> optionalKeys() {
        return nullable(keys(), 20);
    }

    /** A random UUID-shaped id. */
    public static Gen<String> ids() {
        return longs().all().zip(longs().all(), (a, b) -> new UUID(a, b).toString());
    }

    /** A valid project identifier, mostly from {@link #PROJECT_POOL}. */
    public static Gen<String> projectIdentifiers() {
        Gen<String> region = Generate.frequency(
                Pair.of(3, Generate.enumValues(Region.class).map(Region::wireValue)),
                Pair.of(1, stringOf(PROJECT_REGION_CHARS, 1, 20)));
        Gen<String> random = region.zip(stringOf(PROJECT_KEY_CHARS, 2, 36), (r, k) -> r + ":" + k);
        return Generate.frequency(Pair.of(3, Generate.pick(PROJECT_POOL)), Pair.of(1, random));
    }

    /** A project identifier that breaks the pattern, or {@code null}. */
    public static Gen<String> invalidProjectIdentifiers() {
        return Generate.frequency(
                Pair.of(6, Generate.pick(BAD_PROJECT_IDENTIFIERS)),
                Pair.of(1, Generate.constant(() -> (String) null)));
    }

    public static Gen<Region> regions() {
        return Generate.enumValues(Region.class);
    }

    /** Distinct regions, {@code min} to {@code max} of them, in a random order. */
    public static Gen<List<Region>> regionLists(int min, int max) {
        return distinctLists(regions(), min, max);
    }

    public static Gen<IntegrationType> integrationTypes() {
        return Generate.enumValues(IntegrationType.class);
    }

    /** Distinct integration types, {@code min} to {@code max} of them. */
    public static Gen<List<IntegrationType>> integrationTypeLists(int min, int max) {
        return distinctLists(integrationTypes(), min, max);
    }

    /** Distinct project identifiers, 0 to {@code max} of them. */
    public static Gen<List<String>> projectIdentifierLists(int max) {
        return distinctLists(projectIdentifiers(), 0, max);
    }

    private static <T> Gen<List<T>> distinctLists(Gen<T> element, int min, int max) {
        return lists().of(element).ofSizeBetween(min, max)
                .map(list -> List.copyOf(list.stream().distinct().collect(Collectors.toList())))
                .assuming(list -> list.size() >= min);
    }

    public static Gen<String> emails() {
        return stringOf(chars("abcdefghijklmnopqrstuvwxyz0123456789._-"), 1, 16)
                .zip(Generate.pick(List.of("example.com", "commercetools.com", "example.org")), (l, d) -> l + "@" + d);
    }

    public static Gen<String> urls() {
        return stringOf(chars("abcdefghijklmnopqrstuvwxyz0123456789-"), 1, 20)
                .zip(Generate.pick(List.of("https://www.example.com/", "https://docs.example.org/connectors/")),
                        (path, base) -> base + path);
    }

    /** A number of contributors: at least 1. */
    public static Gen<Integer> contributors() {
        return Generate.frequency(
                Pair.of(3, integers().between(1, 500)),
                Pair.of(1, integers().between(1, Integer.MAX_VALUE)));
    }

    /** A number of contributors the reference forbids: 0 or negative. */
    public static Gen<Integer> badContributors() {
        return Generate.frequency(
                Pair.of(3, Generate.constant(0)),
                Pair.of(1, integers().between(Integer.MIN_VALUE, -1)));
    }

    /** A creator with an email; the other fields are each sometimes absent. */
    public static Gen<Creator> creators() {
        return in -> new Creator(
                nullable(Generate.pick(List.of("Mr", "Ms", "Dr", "CTO")), 40).generate(in),
                nullable(names(), 20).generate(in),
                emails().generate(in),
                nullable(names(), 30).generate(in),
                nullable(contributors(), 30).generate(in),
                nullable(urls(), 50).generate(in),
                nullable(urls(), 50).generate(in));
    }

    public static Gen<String> repositoryUrls() {
        Gen<String> org = stringOf(chars("abcdefghijklmnopqrstuvwxyz0123456789-"), 1, 12);
        Gen<String> repo = stringOf(chars("abcdefghijklmnopqrstuvwxyz0123456789-_."), 1, 24);
        return org.zip(repo, booleans().all(), (o, r, ssh) -> ssh
                ? "git@github.com:" + o + "/" + r + ".git"
                : "https://github.com/" + o + "/" + r + ".git");
    }

    public static Gen<String> tags() {
        Gen<Integer> part = integers().between(0, 20);
        return part.zip(part, part, (a, b, c) -> a + "." + b + "." + c);
    }

    public static Gen<Repository> repositories() {
        return repositoryUrls().zip(tags(), Repository::new);
    }

    /** Instants with millisecond precision, as the wire writes them. */
    public static Gen<Instant> instants() {
        return longs().between(1_600_000_000_000L, 1_900_000_000_000L).map(Instant::ofEpochMilli);
    }

    // ---- drafts ----

    /**
     * A valid ConnectorStagedDraft: a key of the right pattern and length or none, a name, a
     * creator with an email and at least one contributor (or none said), a repository, and the
     * optional fields each sometimes absent. Its private projects are distinct.
     */
    public static Gen<ConnectorStagedDraft> drafts() {
        return in -> new ConnectorStagedDraft(
                optionalKeys().generate(in),
                names().generate(in),
                nullable(text(80), 30).generate(in),
                nullable(integrationTypeLists(0, 4), 30).generate(in),
                creators().generate(in),
                repositories().generate(in),
                nullable(regionLists(1, 5), 30).generate(in),
                nullable(projectIdentifierLists(4), 30).generate(in),
                nullable(urls(), 40).generate(in));
    }

    // ---- update actions ----

    /**
     * A field-valid generator for each of the update action types, keyed by the record class:
     * the state the action meets may still refuse it.
     */
    public static Map<Class<? extends ConnectorUpdateAction>, Gen<? extends ConnectorUpdateAction>> validActionsByType() {
        Map<Class<? extends ConnectorUpdateAction>, Gen<? extends ConnectorUpdateAction>> byType = new LinkedHashMap<>();
        byType.put(ConnectorSetNameAction.class, names().map(ConnectorSetNameAction::new));
        byType.put(ConnectorSetDescriptionAction.class, nullable(text(80), 20).map(ConnectorSetDescriptionAction::new));
        byType.put(ConnectorSetRepositoryAction.class,
                nullable(repositoryUrls(), 20).zip(nullable(tags(), 20), ConnectorSetRepositoryAction::new));
        byType.put(ConnectorSetSupportedRegionsAction.class,
                regionLists(1, 5).map(ConnectorSetSupportedRegionsAction::new));
        byType.put(ConnectorSetDocumentationUrlAction.class,
                nullable(urls(), 20).map(ConnectorSetDocumentationUrlAction::new));
        byType.put(ConnectorSetIntegrationTypesAction.class,
                integrationTypeLists(0, 4).map(ConnectorSetIntegrationTypesAction::new));
        byType.put(ConnectorSetCreatorNameAction.class, nullable(names(), 20).map(ConnectorSetCreatorNameAction::new));
        byType.put(ConnectorSetCreatorTitleAction.class,
                nullable(Generate.pick(List.of("Mr", "Ms", "Dr", "Head of Payments")), 20)
                        .map(ConnectorSetCreatorTitleAction::new));
        byType.put(ConnectorSetCreatorEmailAction.class, emails().map(ConnectorSetCreatorEmailAction::new));
        byType.put(ConnectorSetCreatorCompanyAction.class,
                nullable(names(), 20).map(ConnectorSetCreatorCompanyAction::new));
        byType.put(ConnectorSetCreatorNoOfContributorsAction.class,
                contributors().map(ConnectorSetCreatorNoOfContributorsAction::new));
        byType.put(ConnectorSetCreatorSupportUrlAction.class,
                nullable(urls(), 20).map(ConnectorSetCreatorSupportUrlAction::new));
        byType.put(ConnectorSetCreatorLogoAction.class, nullable(urls(), 20).map(ConnectorSetCreatorLogoAction::new));
        byType.put(ConnectorAddPrivateProjectAction.class,
                projectIdentifiers().map(ConnectorAddPrivateProjectAction::new));
        byType.put(ConnectorRemovePrivateProjectAction.class,
                projectIdentifiers().map(ConnectorRemovePrivateProjectAction::new));
        byType.put(ConnectorUpdatePreviewableAction.class, Generate.constant(ConnectorUpdatePreviewableAction::new));
        byType.put(ConnectorPublishAction.class, booleans().all().map(ConnectorPublishAction::new));
        byType.put(ConnectorUnlistAction.class, Generate.constant(ConnectorUnlistAction::new));
        byType.put(ConnectorAddCertificationCommentAction.class,
                text(120).map(ConnectorAddCertificationCommentAction::new));
        return Collections.unmodifiableMap(byType);
    }

    /**
     * A generator of field-invalid actions for each action type that has a field rule (a
     * required field, a minimum, a pattern); {@code setDescription}, {@code updatePreviewable},
     * {@code unlist} and the optional creator fields cannot be invalid by their fields and are
     * absent. Every action made here is refused whatever state it meets.
     */
    public static Map<Class<? extends ConnectorUpdateAction>, Gen<? extends ConnectorUpdateAction>> invalidActionsByType() {
        Map<Class<? extends ConnectorUpdateAction>, Gen<? extends ConnectorUpdateAction>> byType = new LinkedHashMap<>();
        byType.put(ConnectorSetNameAction.class, Generate.constant(() -> new ConnectorSetNameAction(null)));
        byType.put(ConnectorSetSupportedRegionsAction.class, Generate.pick(Arrays.asList(
                new ConnectorSetSupportedRegionsAction(List.of()),
                new ConnectorSetSupportedRegionsAction(null))));
        byType.put(ConnectorSetIntegrationTypesAction.class,
                Generate.constant(() -> new ConnectorSetIntegrationTypesAction(null)));
        byType.put(ConnectorSetCreatorEmailAction.class, Generate.constant(() -> new ConnectorSetCreatorEmailAction(null)));
        byType.put(ConnectorSetCreatorNoOfContributorsAction.class, nullable(badContributors(), 20)
                .map(ConnectorSetCreatorNoOfContributorsAction::new));
        byType.put(ConnectorAddPrivateProjectAction.class,
                invalidProjectIdentifiers().map(ConnectorAddPrivateProjectAction::new));
        byType.put(ConnectorRemovePrivateProjectAction.class,
                invalidProjectIdentifiers().map(ConnectorRemovePrivateProjectAction::new));
        byType.put(ConnectorPublishAction.class, Generate.constant(() -> new ConnectorPublishAction(null)));
        byType.put(ConnectorAddCertificationCommentAction.class,
                Generate.constant(() -> new ConnectorAddCertificationCommentAction(null)));
        return Collections.unmodifiableMap(byType);
    }

    /** A field-valid action of any of the types, each type equally likely. */
    public static Gen<ConnectorUpdateAction> validActions() {
        return oneOfEach(validActionsByType());
    }

    /** A field-invalid action of any of the types that can be one. */
    public static Gen<ConnectorUpdateAction> invalidActions() {
        return oneOfEach(invalidActionsByType());
    }

    /** Mostly valid actions, sometimes invalid ones ({@code percentInvalid} percent). */
    public static Gen<ConnectorUpdateAction> actions(int percentInvalid) {
        return Generate.frequency(
                Pair.of(100 - percentInvalid, validActions()),
                Pair.of(percentInvalid, invalidActions()));
    }

    /** Actions, 15 percent of them invalid. */
    public static Gen<ConnectorUpdateAction> actions() {
        return actions(15);
    }

    @SuppressWarnings("unchecked")
    private static Gen<ConnectorUpdateAction> oneOfEach(
            Map<Class<? extends ConnectorUpdateAction>, Gen<? extends ConnectorUpdateAction>> byType) {
        List<Pair<Integer, Gen<ConnectorUpdateAction>>> choices = new ArrayList<>();
        for (Gen<? extends ConnectorUpdateAction> gen : byType.values()) {
            choices.add(Pair.of(1, (Gen<ConnectorUpdateAction>) gen));
        }
        return Generate.frequency(choices);
    }

    // ---- update requests ----

    /**
     * An update request whose version is given relative to the state it will meet: offset 0 is
     * the right version, a negative one a stale version, a positive one a version from the future.
     */
    public record UpdateRequest(long versionOffset, List<ConnectorUpdateAction> actions) {
        public UpdateRequest {
            actions = List.copyOf(actions);
        }

        /** The request sent to a connector at {@code currentVersion}. */
        public ConnectorUpdate against(long currentVersion) {
            return new ConnectorUpdate(currentVersion + versionOffset, actions);
        }

        /** Whether the version is the right one. */
        public boolean current() {
            return versionOffset == 0;
        }
    }

    /** A version offset: usually 0 (right), sometimes stale, rarely ahead. */
    public static Gen<Long> versionOffsets() {
        return Generate.frequency(
                Pair.of(85, Generate.constant(0L)),
                Pair.of(8, Generate.constant(-1L)),
                Pair.of(4, longs().between(-5, -2)),
                Pair.of(3, Generate.constant(1L)));
    }

    /** 1 to 5 of {@code actions}, one action in about half of the requests. */
    public static Gen<List<ConnectorUpdateAction>> actionLists(Gen<ConnectorUpdateAction> actions) {
        return Generate.frequency(
                Pair.of(1, lists().of(actions).ofSize(1)),
                Pair.of(1, lists().of(actions).ofSizeBetween(2, 5)));
    }

    /** Update requests of 1 to 5 {@link #actions()}, with a version that is usually right. */
    public static Gen<UpdateRequest> updateRequests() {
        return updateRequests(actions());
    }

    /** Update requests of 1 to 5 of {@code actions}, with a version that is usually right. */
    public static Gen<UpdateRequest> updateRequests(Gen<ConnectorUpdateAction> actions) {
        return versionOffsets().zip(actionLists(actions), UpdateRequest::new);
    }

    /** Update requests for a connector at {@code currentVersion}. */
    public static Gen<ConnectorUpdate> updateRequests(long currentVersion) {
        return updateRequests().map(request -> request.against(currentVersion));
    }

    // ---- whole connectors ----

    public static Gen<ConnectorReport> reports() {
        Gen<ConnectorReportEntry> entry = in -> new ConnectorReportEntry(
                Generate.enumValues(ConnectorReportEntryType.class).generate(in),
                names().generate(in),
                nullable(text(60), 50).generate(in),
                instants().generate(in),
                nullable(stringOf(KEY_CHARS, 2, 12), 70).generate(in));
        return lists().of(entry).ofSizeBetween(0, 3).map(ConnectorReport::new);
    }

    public static Gen<ConnectorConfigurationApplication> configurations() {
        Gen<String> envKey = stringOf(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"), 2, 20);
        Gen<StandardConfigurationKey> standard = in -> new StandardConfigurationKey(envKey.generate(in),
                names().generate(in), nullable(booleans().all(), 40).generate(in), nullable(text(20), 50).generate(in));
        Gen<SecuredConfigurationKey> secured = in -> new SecuredConfigurationKey(envKey.generate(in),
                names().generate(in), nullable(booleans().all(), 40).generate(in));
        return in -> new ConnectorConfigurationApplication(
                stringOf(KEY_CHARS, 2, 20).generate(in),
                Generate.enumValues(ApplicationType.class).generate(in),
                lists().of(standard).ofSizeBetween(0, 3).generate(in),
                lists().of(secured).ofSizeBetween(0, 2).generate(in));
    }

    /**
     * Any ConnectorStaged a store may be asked to keep: every field random, the optional ones
     * sometimes absent, in any status.
     */
    public static Gen<ConnectorStaged> stagedConnectors() {
        Gen<ConnectorConfigurationApplication> configuration = configurations();
        Gen<ConnectorGlobalConfiguration> global = configuration.map(c ->
                new ConnectorGlobalConfiguration(c.standardConfiguration(), c.securedConfiguration()));
        Gen<CertificationInfoComment> comment = in -> new CertificationInfoComment(
                stringOf(KEY_CHARS, 2, 20).generate(in), instants().generate(in), text(60).generate(in));
        return in -> new ConnectorStaged(
                ids().generate(in),
                optionalKeys().generate(in),
                longs().between(1, 1_000).generate(in),
                names().generate(in),
                nullable(text(80), 30).generate(in),
                integrationTypeLists(0, 4).generate(in),
                creators().generate(in),
                repositories().generate(in),
                lists().of(configuration).ofSizeBetween(0, 3).generate(in),
                nullable(global, 50).generate(in),
                nullable(lists().of(stringOf(chars("abcdefghijklmnopqrstuvwxyz_:"), 3, 20)).ofSizeBetween(1, 3)
                        .map(ConnectorApiClient::new), 50).generate(in),
                booleans().all().generate(in),
                projectIdentifierLists(4).generate(in),
                regionLists(0, 5).generate(in),
                nullable(lists().of(comment).ofSizeBetween(0, 3).map(CertificationInfo::new), 50).generate(in),
                Generate.enumValues(ConnectorStatus.class).generate(in),
                nullable(reports(), 50).generate(in),
                booleans().all().generate(in),
                booleans().all().generate(in),
                Generate.enumValues(IsPreviewable.class).generate(in),
                nullable(reports(), 50).generate(in),
                nullable(urls(), 40).generate(in),
                nullable(booleans().all(), 60).generate(in),
                nullable(instants(), 20).generate(in),
                nullable(instants(), 20).generate(in));
    }

    private static List<Character> chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toUnmodifiableList());
    }

    /** A readable one-line form of a list of values, for failure messages. */
    public static String describe(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            out.append("\n  ").append(i).append(": ").append(values.get(i));
        }
        return out.toString();
    }
}
