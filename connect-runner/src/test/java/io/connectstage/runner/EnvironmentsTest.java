package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectstage.connector.ApplicationType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.ConfigurationValue;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.SecuredConfigurationValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The environment of the runner's commands")
class EnvironmentsTest {
    @TempDir
    Path temp;

    private Environments environments() {
        return new Environments("/usr/bin:/bin", new WorkFolders(temp), Map.of("HTTPS_PROXY", "http://proxy:3128"));
    }

    @Test
    void aBuildGetsItsExtrasButNoConfigurationValue() {
        Map<String, String> build = environments().build();
        assertEquals("http://proxy:3128", build.get("HTTPS_PROXY"));
        assertEquals("/usr/bin:/bin", build.get("PATH"));
        assertEquals(temp.resolve("home").toString(), build.get("HOME"));
        assertEquals(temp.resolve("npm-cache").toString(), build.get("npm_config_cache"));
        assertNull(build.get("SERVICE_SECRET"));
    }

    @Test
    void anApplicationGetsItsValuesAndConnectsVariablesButNotTheBuildExtras() {
        Deployment d = FixtureConnector.deployment("00000001-0000-4000-8000-000000000000", FixtureConnector.GOOD, "hi", "s3cr3t");
        ApplicationDeployment service = d.application("service")
                .withConfiguration(List.of(new ConfigurationValue("GREETING", "hi"), new ConfigurationValue("PATH", "/nowhere"),
                        new ConfigurationValue("PORT", "1")), List.of(SecuredConfigurationValue.of("SERVICE_SECRET", "s3cr3t")));
        Map<String, String> env = environments().application(d, service, ApplicationType.SERVICE, "http://base/app", 4242);

        assertEquals("hi", env.get("GREETING"));
        assertEquals("s3cr3t", env.get("SERVICE_SECRET"));
        assertEquals("shared", env.get("SHARED_NAME"));
        assertEquals("/usr/bin:/bin", env.get("PATH"), "a configuration value cannot hide node and npm");
        assertEquals("4242", env.get("PORT"), "nor move the application off its port");
        assertEquals("GCP", env.get("CONNECT_PROVIDER"));
        assertEquals("http://base/app", env.get("CONNECT_SERVICE_URL"));
        assertFalse(env.containsKey("HTTPS_PROXY"));
    }

    @Test
    void anEventApplicationGetsItsTopic() {
        Deployment d = FixtureConnector.deployment("00000001-0000-4000-8000-000000000000", FixtureConnector.GOOD, "hi", "s3cr3t");
        Map<String, String> env = environments().application(d, d.application("event"), ApplicationType.EVENT, null, null);
        assertEquals("connect-00000001-event", env.get("CONNECT_GCP_TOPIC_NAME"));
        assertEquals(Environments.GCP_PROJECT_ID, env.get("CONNECT_GCP_PROJECT_ID"));
        assertNull(env.get("PORT"), "a script gets no port");
        assertNull(env.get("CONNECT_SERVICE_URL"));
    }
}
