package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.fail;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading YAML text in tests, and the shapes of the answers they assert on. */
final class SpecAssertions {
    private SpecAssertions() {
    }

    static Either<Seq<SpecProblem>, ConnectorSpecification> parse(String yaml) {
        return ConnectYamlParser.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The specification of a file that must be valid; fails listing the problems otherwise. */
    static ConnectorSpecification valid(String yaml) {
        return valid(parse(yaml));
    }

    static ConnectorSpecification valid(Either<Seq<SpecProblem>, ConnectorSpecification> result) {
        if (result.isLeft()) {
            fail("expected a valid file, got problems:\n" + result.getLeft().mkString("\n"));
        }
        return result.get();
    }

    /** The problems of a file that must be invalid. */
    static List<SpecProblem> problems(String yaml) {
        return problems(parse(yaml));
    }

    static List<SpecProblem> problems(Either<Seq<SpecProblem>, ConnectorSpecification> result) {
        if (result.isRight()) {
            fail("expected problems, got a valid specification: " + result.get());
        }
        return result.getLeft().asJava();
    }

    /** The paths of the problems of a file that must be invalid, in the order reported. */
    static List<String> paths(String yaml) {
        return problems(yaml).stream().map(SpecProblem::path).toList();
    }

    /** The one problem of a file that must have exactly one. */
    static SpecProblem onlyProblem(String yaml) {
        return onlyProblem(parse(yaml));
    }

    static SpecProblem onlyProblem(Either<Seq<SpecProblem>, ConnectorSpecification> result) {
        List<SpecProblem> problems = problems(result);
        if (problems.size() != 1) {
            fail("expected exactly one problem, got:\n" + String.join("\n", problems.stream().map(SpecProblem::toString).toList()));
        }
        return problems.get(0);
    }

    /** A service {@code svc} at {@code /svc}, with {@code more} (YAML at the application's indentation) added. */
    static String service(String more) {
        return """
                deployAs:
                  - name: svc
                    applicationType: service
                    endpoint: /svc
                """ + more.indent(4);
    }

    /** A service whose configuration has {@code items} (YAML list items) as its standard keys. */
    static String standardKeys(String items) {
        return service("configuration:\n  standardConfiguration:\n" + items.indent(4));
    }

    /** A service whose configuration has {@code items} (YAML list items) as its secured keys. */
    static String securedKeys(String items) {
        return service("configuration:\n  securedConfiguration:\n" + items.indent(4));
    }
}
