/**
 * Reading {@code connect.yaml}, the connector specification file: a pure parser that turns the
 * file's bytes into a {@link io.connectstage.spec.ConnectorSpecification} (the applications with
 * their configuration keys, the global configuration and the API client, mapped onto the values
 * of {@code io.connectstage.connector}) or into every {@link io.connectstage.spec.SpecProblem}
 * found, each with its dotted path. It does no I/O, never throws on any input, and reads hostile
 * files within the explicit {@link io.connectstage.spec.SpecLimits}; fetching the file from a Git
 * repository is the job of another package.
 */
package io.connectstage.spec;
