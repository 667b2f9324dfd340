package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The body of a fault read into a FaultCommand")
class FaultCommandReaderTest {

    private static FaultCommand read(String body) {
        return FaultCommandReader.read(body).getOrElseThrow(e -> new AssertionError(body + ": " + e));
    }

    /** The detailed messages of the body's errors, each of them InvalidJsonInput at 400. */
    private static List<String> problems(String body) {
        ErrorResponse response = FaultCommandReader.read(body).swap().getOrElseThrow(c -> new AssertionError(body + " read as " + c));
        assertEquals(400, response.statusCode(), body);
        List<String> details = new ArrayList<>();
        for (ConnectError e : response.errors()) {
            assertEquals("InvalidJsonInput", e.code().wireValue(), body);
            details.add(String.valueOf(e.fields().get("detailedErrorMessage")));
        }
        return details;
    }

    @Nested
    @DisplayName("a good fault")
    class Good {

        @Test
        @DisplayName("each action reads into its own command, which names it on the wire: every command of the sealed type has one")
        void everyActionHasItsCommand() {
            Class<?>[] commands = FaultCommand.class.getPermittedSubclasses();
            assertEquals(commands.length, FaultCommand.ACTIONS.size());
            for (int i = 0; i < commands.length; i++) {
                String action = FaultCommand.ACTIONS.get(i);
                String application = action.equals("failNextBuild") ? ",\"applicationName\":\"service\"" : "";
                FaultCommand command = read("{\"action\":\"" + action + "\",\"deploymentKey\":\"my-deployment\"" + application + "}");

                assertInstanceOf(commands[i], command, action);
                assertEquals(action, command.action());
                assertEquals(ResourceRef.key("my-deployment"), command.deployment());
            }
        }

        @Test
        @DisplayName("by deploymentId the command names the Deployment by id, and the answer says deploymentId")
        void byId() {
            FaultCommand command = read("{\"action\":\"hold\",\"deploymentId\":\"4f1c\"}");

            assertEquals(new HoldBuilds(ResourceRef.id("4f1c")), command);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("action", "hold");
            answer.put("projectKey", "project-a");
            answer.put("deploymentId", "4f1c");
            assertEquals(answer, command.answer("project-a"));
        }

        @Test
        @DisplayName("failNextBuild keeps its application and answers with it after the Deployment")
        void failNextBuildNamesItsApplication() {
            FaultCommand command = read("{\"applicationName\":\"service\",\"deploymentKey\":\"my-deployment\",\"action\":\"failNextBuild\"}");

            assertEquals(new FailNextBuild(ResourceRef.key("my-deployment"), "service"), command);
            assertEquals(List.of("action", "projectKey", "deploymentKey", "applicationName"),
                    List.copyOf(command.answer("p").keySet()));
        }

        @Test
        @DisplayName("a field sent as null is absent")
        void nullIsAbsent() {
            assertEquals(new ClearFaults(ResourceRef.key("ab")),
                    read("{\"action\":\"clear\",\"deploymentKey\":\"ab\",\"deploymentId\":null,\"applicationName\":null}"));
        }
    }

    @Nested
    @DisplayName("a bad fault")
    class Bad {

        @Test
        @DisplayName("every problem is reported at once: a field that is not a fault's, an unknown action, a bad key")
        void everyProblemAtOnce() {
            List<String> details = problems("{\"action\":\"explode\",\"deploymentKey\":\"x\",\"colour\":\"red\"}");

            assertEquals(3, details.size(), details.toString());
            assertTrue(details.get(0).startsWith("colour: is not a field of a fault"), details.toString());
            assertEquals("action: 'explode' is not one of failNextBuild, failNextUndeploy, hold, release, clear", details.get(1));
            assertTrue(details.get(2).startsWith("deploymentKey: must be 2 to 256 characters long"), details.toString());
        }

        @Test
        @DisplayName("an empty, malformed or non-object body is refused in the JSON reader's words")
        void notAFaultObject() {
            assertEquals(List.of("the request body is empty"), problems(""));
            assertTrue(problems("not json").get(0).startsWith("malformed JSON at line 1"), problems("not json").toString());
            assertEquals(List.of("the request body must be a fault object"), problems("[1,2]"));
            assertTrue(problems("{\"action\":\"hold\",\"action\":\"clear\",\"deploymentKey\":\"ab\"}").get(0)
                    .contains("the key 'action' appears twice"));
        }

        @Test
        @DisplayName("a field of another type than string is named, with the fields that are not a fault's")
        void wrongTypes() {
            assertEquals(List.of("action: expected a string"), problems("{\"action\":7,\"deploymentKey\":\"ab\"}"));
            List<String> two = problems("{\"action\":\"hold\",\"deploymentKey\":[\"ab\"],\"applicationName\":{},\"x\":1}");
            assertEquals(3, two.size(), two.toString());
            assertTrue(two.get(0).startsWith("x: is not a field of a fault"), two.toString());
            assertTrue(two.stream().anyMatch(d -> d.equals("deploymentKey: expected a string")), two.toString());
            assertTrue(two.stream().anyMatch(d -> d.equals("applicationName: expected a string")), two.toString());
        }

        @Test
        @DisplayName("the Deployment is required, by key or by id, not both, and a key follows the key rule")
        void theDeployment() {
            assertEquals(List.of("deploymentKey: is required"), problems("{\"action\":\"hold\"}"));
            assertEquals(List.of("deploymentId: give deploymentKey or deploymentId, not both"),
                    problems("{\"action\":\"hold\",\"deploymentKey\":\"ab\",\"deploymentId\":\"cd\"}"));
            assertTrue(problems("{\"action\":\"hold\",\"deploymentKey\":\"a b\"}").get(0).startsWith("deploymentKey: 'a b' does not match"));
            assertEquals(List.of("deploymentId: is empty"), problems("{\"action\":\"clear\",\"deploymentId\":\"\"}"));
        }

        @Test
        @DisplayName("failNextBuild needs an application; no other action takes one; an empty one is refused")
        void theApplication() {
            assertEquals(List.of("applicationName: is required"), problems("{\"action\":\"failNextBuild\",\"deploymentKey\":\"ab\"}"));
            assertEquals(List.of("applicationName: only failNextBuild names an application"),
                    problems("{\"action\":\"hold\",\"deploymentKey\":\"ab\",\"applicationName\":\"service\"}"));
            assertEquals(List.of("applicationName: is empty"),
                    problems("{\"action\":\"failNextBuild\",\"deploymentKey\":\"ab\",\"applicationName\":\"\"}"));
        }
    }
}
