package io.connectstage.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.json.internal.JsonReader;
import io.connectstage.resource.ResourceRef;
import io.connectstage.rule.FieldRules;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /.connectstage/projects/{projectKey}/faults} into a {@link FaultCommand},
 * through the core's {@link JsonReader}: its limits and its {@code InvalidJsonInput} words for an
 * empty, malformed or mistyped body, then the rules of a fault, every broken one reported at once
 * (a field that is not a fault's, a missing or unknown {@code action}, no Deployment or two names
 * for it, a bad key, an application where only {@code failNextBuild} takes one).
 */
final class FaultCommandReader {
    private static final JsonReader READER = new JsonReader(ConnectJson.mapper());
    private static final JavaType FIELDS = READER.type(Fields.class);
    private static final Set<String> NAMES = Set.of("action", "deploymentKey", "deploymentId", "applicationName");

    /** The fields of a fault as sent, each a string or absent; the rules come after. */
    record Fields(String action, String deploymentKey, String deploymentId, String applicationName) {
    }

    private FaultCommandReader() {
    }

    static Either<ErrorResponse, FaultCommand> read(String body) {
        return READER.parse(body).flatMap(node -> node.isObject() ? read(node)
                : JsonReader.fail(ConnectError.invalidJson("the request body must be a fault object")));
    }

    private static Either<ErrorResponse, FaultCommand> read(JsonNode node) {
        List<ConnectError> errors = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!NAMES.contains(name)) {
                errors.add(ConnectError.invalidField(QueryParameters.shorten(name), "is not a field of a fault; the fields are "
                        + "action, deploymentKey, deploymentId and applicationName"));
            }
        }
        Either<ErrorResponse, Fields> fields = READER.convert(node, FIELDS, "");
        if (fields.isLeft()) {
            errors.addAll(fields.getLeft().errors());
            return Either.left(ErrorResponse.of(errors));
        }
        FaultCommand command = command(fields.get(), errors);
        return errors.isEmpty() ? Either.right(command) : Either.left(ErrorResponse.of(errors));
    }

    /** The command of well-typed fields, or {@code null} with what is wrong added to {@code errors}. */
    private static FaultCommand command(Fields f, List<ConnectError> errors) {
        String action = f.action();
        if (action == null) {
            errors.add(ConnectError.requiredField("action"));
        } else if (!FaultCommand.ACTIONS.contains(action)) {
            errors.add(ConnectError.invalidField("action", "'" + QueryParameters.shorten(action) + "' is not one of "
                    + String.join(", ", FaultCommand.ACTIONS)));
            action = null;
        }
        String key = f.deploymentKey();
        String id = f.deploymentId();
        if (key == null && id == null) {
            errors.add(ConnectError.requiredField("deploymentKey"));
        } else if (key != null && id != null) {
            errors.add(ConnectError.invalidField("deploymentId", "give deploymentKey or deploymentId, not both"));
        } else if (key != null) {
            errors.addAll(FieldRules.key("deploymentKey", key).asJava());
        } else if (id.isEmpty()) {
            errors.add(ConnectError.invalidField("deploymentId", "is empty"));
        }
        String application = f.applicationName();
        boolean namesApplication = FailNextBuild.ACTION.equals(action);
        if (namesApplication && application == null) {
            errors.add(ConnectError.requiredField("applicationName"));
        } else if (action != null && !namesApplication && application != null) {
            errors.add(ConnectError.invalidField("applicationName", "only failNextBuild names an application"));
        } else if (application != null && application.isEmpty()) {
            errors.add(ConnectError.invalidField("applicationName", "is empty"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ResourceRef deployment = key != null ? ResourceRef.key(key) : ResourceRef.id(id);
        return switch (action) {
            case FailNextBuild.ACTION -> new FailNextBuild(deployment, application);
            case FailNextUndeploy.ACTION -> new FailNextUndeploy(deployment);
            case HoldBuilds.ACTION -> new HoldBuilds(deployment);
            case ReleaseBuilds.ACTION -> new ReleaseBuilds(deployment);
            case ClearFaults.ACTION -> new ClearFaults(deployment);
            default -> throw new IllegalStateException("an action of ACTIONS without a command: " + action);
        };
    }
}
