/**
 * What users need for their own tests of code that works with connectstage; depend on
 * {@code io.connectstage:connect-testkit} with {@code <scope>test</scope>}:
 * <ul>
 *   <li>QuickTheories generators of drafts, update actions, requests and whole connectors
 *       ({@link io.connectstage.testkit.Generators}) and of command sequences, valid and invalid
 *       ({@link io.connectstage.testkit.ConnectorCommands});</li>
 *   <li>the reference model of the status and previewable state machines
 *       ({@link io.connectstage.testkit.ConnectorModel}): given commands, which are refused and
 *       the expected version, status and previewable state after each;</li>
 *   <li>the store contract suites, so a store is checked with one subclass
 *       ({@link io.connectstage.testkit.ConnectorStoreContract},
 *       {@link io.connectstage.testkit.PublishedConnectorStoreContract},
 *       {@link io.connectstage.testkit.DeploymentStoreContract},
 *       {@link io.connectstage.testkit.ConcurrentUpdatesContract}; processing over a store:
 *       {@link io.connectstage.testkit.ProcessingContract} and
 *       {@link io.connectstage.testkit.DeploymentProcessingContract});</li>
 *   <li>fixed values ({@link io.connectstage.testkit.Connectors},
 *       {@link io.connectstage.testkit.SampleConnectors} brought into any status through the real
 *       lifecycle, {@link io.connectstage.testkit.SampleDeployments}), assertions on error values,
 *       a clock that tests move, and seeded property runs that can be repeated with
 *       {@code -Dconnectstage.seed=…} ({@link io.connectstage.testkit.Seeds}).</li>
 * </ul>
 */
package io.connectstage.testkit;
