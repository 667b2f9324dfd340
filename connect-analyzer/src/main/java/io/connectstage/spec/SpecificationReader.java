package io.connectstage.spec;

import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.spec.ApplicationReader.Application;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks a composed {@code connect.yaml} tree against every rule of SPEC-NOTES §1 and builds the
 * specification. One instance reads one file: problems are gathered as the walk finds them, so
 * that a file reports all of them at once, in a fixed order (the structure's problems, each
 * application's own problems in file order, then {@code inheritAs}, then the rules that span
 * several places). The typed reads ({@link Nodes}), the applications ({@link ApplicationReader}),
 * the configuration blocks ({@link ConfigurationReader}) and the rules across places
 * ({@link CrossFieldRules}) each have their own class.
 */
final class SpecificationReader {
    private static final String DEPLOY_AS = "deployAs";
    private static final String INHERIT_AS = "inheritAs";
    private static final List<String> TOP_LEVEL = List.of(DEPLOY_AS, INHERIT_AS);
    private static final List<String> INHERIT_AS_KEYS = List.of("configuration", "apiClient");

    private final Problems problems;
    private final Nodes nodes;
    private final ConfigurationReader configurations;
    private final ApplicationReader applications;

    private SpecificationReader(YamlDocument.Parsed parsed) {
        problems = parsed.problems();
        nodes = new Nodes(problems, parsed.refused());
        configurations = new ConfigurationReader(nodes);
        applications = new ApplicationReader(nodes, configurations);
    }

    static Either<Seq<SpecProblem>, ConnectorSpecification> read(YamlDocument.Parsed parsed) {
        return new SpecificationReader(parsed).specification(parsed.root());
    }

    private Either<Seq<SpecProblem>, ConnectorSpecification> specification(Optional<Node> rootNode) {
        if (rootNode.isEmpty() || Nodes.isNull(rootNode.get())) {
            return Either.left(io.vavr.collection.List.of(new SpecProblem("",
                    "the file is empty: it must be a mapping with the key deployAs")));
        }
        if (!(rootNode.get() instanceof MappingNode)) {
            nodes.problem("", "the file must be a mapping with the key deployAs, got " + Nodes.describe(rootNode.get()));
            return Either.left(problems.toSeq());
        }
        Entries root = Entries.of((MappingNode) rootNode.get());
        nodes.strict("", root, TOP_LEVEL, "at the top level");
        List<Application> deployAs = null;
        if (!root.containsKey(DEPLOY_AS)) {
            nodes.problem(DEPLOY_AS, "is required: the list of applications (it may be empty)");
        } else {
            deployAs = applications.applications(DEPLOY_AS, root.get(DEPLOY_AS));
        }
        ConfigurationBlock global = ConfigurationBlock.absent(Paths.child(INHERIT_AS, "configuration"));
        List<String> scopes = null;
        if (root.containsKey(INHERIT_AS)) {
            Entries inheritAs = nodes.mapping(INHERIT_AS, root.get(INHERIT_AS));
            if (inheritAs != null) {
                nodes.strict(INHERIT_AS, inheritAs, INHERIT_AS_KEYS, "in inheritAs");
                if (inheritAs.containsKey("configuration")) {
                    global = configurations.configuration(global.path(), inheritAs.get("configuration"));
                }
                if (inheritAs.containsKey("apiClient")) {
                    scopes = configurations.apiClientScopes(Paths.child(INHERIT_AS, "apiClient"), inheritAs.get("apiClient"));
                }
            }
        }
        if (deployAs != null) {
            new CrossFieldRules(nodes).check(deployAs, global);
        }
        if (!problems.isEmpty()) {
            return Either.left(problems.toSeq());
        }
        return Either.right(new ConnectorSpecification(
                deployAs.stream().map(Application::toSpecification).toList(),
                global.present() ? new ConnectorGlobalConfiguration(global.standardValues(), global.securedValues()) : null,
                scopes == null ? null : new ConnectorApiClient(scopes)));
    }
}
