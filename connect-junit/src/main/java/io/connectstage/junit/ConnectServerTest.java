package io.connectstage.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Connect server with memory stores for the test class (and its {@code @Nested} classes),
 * on a free loopback port; test methods (and constructors, lifecycle methods) receive
 * {@link ConnectServerInfo}, {@link java.net.http.HttpClient}, the base {@link java.net.URI},
 * the {@link io.connectstage.processing.DeploymentFaults} or the
 * {@link io.connectstage.http.ConnectServer} as parameters. Each test starts from empty stores
 * unless {@link #resetBetweenTests()} is off; previews and publishes settle at once, every
 * repository accepted, unless {@link #mirrors()} are given.
 *
 * <pre>{@code
 * @ConnectServerTest
 * class MyToolTest {
 *     @Test
 *     void createsADraft(ConnectServerInfo connect) {
 *         connect.post("/connectors/drafts", draftJson).assertStatus(201);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ConnectServerExtension.class)
public @interface ConnectServerTest {

    /** The project of the ready token; default {@code test-project}. */
    String projectKey() default ConnectServerExtension.DEFAULT_PROJECT_KEY;

    /**
     * Whether each test starts from empty stores, with no pending work and no faults (clients and
     * tokens stay); default true. Off, tests see what earlier ones left.
     */
    boolean resetBetweenTests() default true;

    /**
     * Whether one server serves every test class annotated alike in the whole run (closed at its
     * end) instead of one per class; resets between tests still isolate them. Default false.
     */
    boolean shared() default false;

    /**
     * Repositories analyzed for real, as {@code URL=PATH}: a connector whose repository URL is
     * {@code URL} is cloned from the local repository at {@code PATH} and its {@code connect.yaml}
     * analyzed (needs {@code connect-analyzer} on the test class path). Default none: every
     * repository is accepted without being read.
     */
    String[] mirrors() default {};
}
