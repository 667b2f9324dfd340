/**
 * Test support shared through connect-core's test-jar: the QuickTheories generators of drafts,
 * update actions, requests and whole connectors ({@link io.connectstage.testing.Generators}),
 * fixed connectors ({@link io.connectstage.testing.Connectors}), and seeded property runs that
 * can be repeated with {@code -Dconnectstage.seed=…} ({@link io.connectstage.testing.Seeds}).
 */
package io.connectstage.testing;
