package io.connectstage.spec;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Reads {@code connect.yaml}: the bytes of the file in, either the {@link ConnectorSpecification}
 * or every {@link SpecProblem} found out. Pure and thread-safe; it never throws for any content,
 * whatever its size, encoding or shape, and stays within {@link SpecLimits} (the defaults unless
 * given). YAML that does not parse is one problem with its line and column; a file that parses is
 * checked against every rule at once, so its author sees all that needs fixing.
 *
 * <pre>{@code
 * Either<Seq<SpecProblem>, ConnectorSpecification> result = ConnectYamlParser.parse(bytes);
 * result.fold(
 *         problems -> problems.map(SpecProblem::toString).mkString("\n"),  // "deployAs.0.endpoint: must not contain '//', got '/a//b'"
 *         spec -> spec.configurations().size() + " applications");
 * }</pre>
 */
public final class ConnectYamlParser {
    /**
     * Files up to this size are read first without lines and columns, which a valid file does not
     * need; a file with problems is read again with them, so its problems say where they are.
     */
    private static final int QUICK_READ_LIMIT = 64 * 1024;

    private ConnectYamlParser() {
    }

    /** Parses with {@link SpecLimits#defaults()}. */
    public static Either<Seq<SpecProblem>, ConnectorSpecification> parse(byte[] bytes) {
        return parse(bytes, SpecLimits.defaults());
    }

    /** Parses within {@code limits}; a file beyond them is refused with a problem that names the limit. */
    public static Either<Seq<SpecProblem>, ConnectorSpecification> parse(byte[] bytes, SpecLimits limits) {
        Objects.requireNonNull(bytes, "bytes is null");
        Objects.requireNonNull(limits, "limits is null");
        if (bytes.length <= QUICK_READ_LIMIT) {
            Either<Seq<SpecProblem>, ConnectorSpecification> quick = YamlDocument.read(bytes, limits, false)
                    .flatMap(SpecificationReader::read);
            if (quick.isRight()) {
                return quick;
            }
        }
        return YamlDocument.read(bytes, limits, true).flatMap(SpecificationReader::read);
    }
}
