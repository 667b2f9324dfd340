package io.connectstage.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.json.internal.JsonReader;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /.connectstage/projects/{projectKey}/certification/{ref}} into a
 * {@link CertificationDecision}, through the core's {@link JsonReader} (its {@code InvalidJsonInput}
 * words for an empty, malformed or mistyped body), then the rules, every broken one at once: a field
 * that is not a decision's, {@code decision} missing or not {@code approve}/{@code reject}, a
 * rejection without a {@code comment}.
 */
final class CertificationDecisionReader {
    private static final JsonReader READER = new JsonReader(ConnectJson.mapper());
    private static final JavaType FIELDS = READER.type(Fields.class);
    private static final Set<String> NAMES = Set.of("decision", "comment");

    /** The fields as sent, each a string or absent; the rules come after. */
    record Fields(String decision, String comment) {
    }

    private CertificationDecisionReader() {
    }

    static Either<ErrorResponse, CertificationDecision> read(String body) {
        return READER.parse(body).flatMap(node -> node.isObject() ? read(node)
                : JsonReader.fail(ConnectError.invalidJson("the request body must be a decision object")));
    }

    private static Either<ErrorResponse, CertificationDecision> read(JsonNode node) {
        List<ConnectError> errors = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!NAMES.contains(name)) {
                errors.add(ConnectError.invalidField(QueryParameters.shorten(name),
                        "is not a field of a certification decision; the fields are decision and comment"));
            }
        }
        Either<ErrorResponse, Fields> fields = READER.convert(node, FIELDS, "");
        if (fields.isLeft()) {
            errors.addAll(fields.getLeft().errors());
            return Either.left(ErrorResponse.of(errors));
        }
        String decision = fields.get().decision();
        String comment = fields.get().comment() == null || fields.get().comment().isBlank() ? null : fields.get().comment();
        if (decision == null) {
            errors.add(ConnectError.requiredField("decision"));
        } else if (!decision.equals(CertificationDecision.APPROVE) && !decision.equals(CertificationDecision.REJECT)) {
            errors.add(ConnectError.invalidField("decision", "'" + QueryParameters.shorten(decision) + "' is not one of "
                    + CertificationDecision.APPROVE + ", " + CertificationDecision.REJECT));
        } else if (decision.equals(CertificationDecision.REJECT) && comment == null) {
            // the rejection's report entry carries the comment as its message: a rejection says why
            errors.add(ConnectError.requiredField("comment"));
        }
        return errors.isEmpty() ? Either.right(new CertificationDecision(CertificationDecision.APPROVE.equals(decision), comment))
                : Either.left(ErrorResponse.of(errors));
    }
}
