/**
 * JMH benchmarks of the functional core, each run next to its baselines in the same class so that
 * a ratio comes out of one run: applying update requests to a fully populated ConnectorStaged,
 * compared with a bare record copy (the floor) and with what JSON-tree in-memory mocks do
 * (deep-copy a Jackson tree and set fields in it). Never a dependency of anything.
 */
package io.connectstage.bench;
