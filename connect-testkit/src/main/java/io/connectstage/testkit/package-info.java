/**
 * Test support shared through connect-core's test-jar: the QuickTheories generators of drafts,
 * update actions, requests and whole connectors ({@link io.connectstage.testkit.Generators}),
 * fixed connectors ({@link io.connectstage.testkit.Connectors}, and
 * {@link io.connectstage.testkit.SampleConnectors} brought into any status through the real
 * lifecycle), assertions on error values, and seeded property runs that can be repeated with
 * {@code -Dconnectstage.seed=…} ({@link io.connectstage.testkit.Seeds}).
 */
package io.connectstage.testkit;
