package io.connectstage.deployment;

import static io.connectstage.testkit.SampleDeployments.NOW;
import static io.connectstage.testkit.SampleDeployments.SECRETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.testkit.SampleDeployments;
import io.connectstage.testkit.Seeds;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** No secured value reaches written JSON, an error, or a {@code toString()} (what a log line prints). */
@DisplayName("Secured configuration values")
class DeploymentSecretsTest {

    /** Everything a client or a log could see of these values. */
    static List<String> visible(Object... values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(DeploymentJson.write(value));
            texts.add(DeploymentJson.toTree(value).toString());
            texts.add(ConnectJson.write(value));
            texts.add(String.valueOf(value));
        }
        return texts;
    }

    static List<String> visible(Seq<ConnectError> errors) {
        List<String> texts = new ArrayList<>();
        texts.add(ConnectJson.write(ErrorResponse.of(errors.toJavaList())));
        errors.forEach(e -> texts.add(e.toString()));
        return texts;
    }

    static void assertNoSecret(List<String> texts, List<String> secrets) {
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a secured value shows in: " + text);
            }
        }
    }

    @Nested
    @DisplayName("are masked")
    class Masked {

        @Test
        @DisplayName("in every written Deployment, in every status, and in its toString")
        void inDeployments() {
            for (DeploymentStatus status : DeploymentStatus.values()) {
                assertNoSecret(visible(SampleDeployments.inStatus(status)), SECRETS);
            }
            assertTrue(DeploymentJson.write(SampleDeployments.queued()).contains("\"value\":\"" + Secret.MASK + "\""));
        }

        @Test
        @DisplayName("in drafts, redeploy actions and update requests written back")
        void inRequests() {
            DeploymentDraft draft = SampleDeployments.validDraft().build();
            DeploymentRedeployAction redeploy = new DeploymentRedeployAction(null, draft.configurations(), draft.globalConfiguration(), null);
            assertNoSecret(visible(draft, redeploy, DeploymentUpdate.of(1, redeploy), draft.globalConfiguration()), SECRETS);
        }

        @Test
        @DisplayName("but kept for storage, and read back from it")
        void keptForStorage() {
            Deployment d = SampleDeployments.queued();
            String stored = DeploymentJson.writeForStorage(d);
            SECRETS.forEach(secret -> assertTrue(stored.contains(secret), secret));
            assertEquals(d, DeploymentJson.readDeployment(stored).get());
        }
    }

    @Nested
    @DisplayName("never show in errors")
    class InErrors {

        @Test
        @DisplayName("of a create whose secured values are misplaced, duplicated, unknown or unexpected")
        void ofCreate() {
            DeploymentDraft draft = DeploymentDraft.builder().connectorKey("k").region(Region.US_EAST_2_AWS)
                    .type(DeploymentType.PREVIEW)
                    .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SECRETS.get(0))
                            .withSecured("API_SECRET", SECRETS.get(1)).withSecured("NOT_A_KEY", SECRETS.get(2)))
                    .configuration(DeploymentConfigurationApplication.of("ghost").withSecured("X", SECRETS.get(0)))
                    .globalConfiguration(DeploymentGlobalConfiguration.empty().withSecured("UNKNOWN", SECRETS.get(1)))
                    .build();
            Either<Seq<ConnectError>, Deployment> result = SampleDeployments.create(draft, SampleDeployments.published());
            assertTrue(result.getLeft().size() >= 5, result.getLeft().toString());
            assertNoSecret(visible(result.getLeft()), SECRETS);
        }

        @Test
        @DisplayName("of a redeploy that is refused")
        void ofRedeploy() {
            Deployment d = SampleDeployments.inStatus(DeploymentStatus.DEPLOYING);
            Either<Seq<ConnectError>, Deployment> result = Deployments.apply(d, DeploymentUpdate.of(d.version(),
                    new DeploymentRedeployAction(null, List.of(DeploymentConfigurationApplication.of("service")
                            .withSecured("WRONG", SECRETS.get(0))), DeploymentGlobalConfiguration.empty().withSecured("CTP_CLIENT_SECRET", " "), true)),
                    DeploymentUpdateContext.at(NOW));
            assertNoSecret(visible(result.getLeft()), SECRETS);
        }

        @Test
        @DisplayName("for any random secret in any secured slot of a request")
        void anyRandomSecret() {
            Seeds.check("no secured value in outputs", Seeds.examples(200),
                    strings().basicLatinAlphabet().ofLengthBetween(0, 12).map(s -> "zq" + s.replaceAll("[^A-Za-z0-9]", "") + "9xk"),
                    integers().between(0, 3), (secret, slot) -> {
                        DeploymentDraft.Builder draft = DeploymentDraft.builder().connectorKey("k").region(Region.EUROPE_WEST1_GCP);
                        switch (slot) {
                            case 0 -> draft.configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", secret));
                            case 1 -> draft.configuration(DeploymentConfigurationApplication.of("events").withSecured("TOPIC_PREFIX", secret));
                            case 2 -> draft.globalConfiguration(DeploymentGlobalConfiguration.empty().withSecured("CTP_CLIENT_SECRET", secret));
                            default -> draft.globalConfiguration(DeploymentGlobalConfiguration.empty().withSecured(secret, secret));
                        }
                        Either<Seq<ConnectError>, Deployment> result = SampleDeployments.create(draft.build(), SampleDeployments.published());
                        List<String> texts = new ArrayList<>(visible(draft.build()));
                        if (slot == 3) {
                            texts.clear(); // the key itself is not secret and may be named; only its value is checked below
                            texts.add(DeploymentJson.write(draft.build()).replace("\"key\":\"" + secret + "\"", ""));
                        } else {
                            texts.addAll(visible(result.getLeft()));
                        }
                        assertNoSecret(texts, List.of(secret));
                    });
        }
    }
}
