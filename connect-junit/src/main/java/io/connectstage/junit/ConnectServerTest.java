package io.connectstage.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Connect server with memory stores for the test class, on a free loopback port; test
 * methods (and constructors, lifecycle methods) receive {@link ConnectServerInfo},
 * {@link java.net.http.HttpClient} or the base {@link java.net.URI} as parameters.
 *
 * <pre>{@code
 * @ConnectServerTest
 * class MyToolTest {
 *     @Test
 *     void createsADraft(ConnectServerInfo connect) { ... }
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
}
