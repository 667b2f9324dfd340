/**
 * The storage SPI over any JDBC {@link javax.sql.DataSource}: H2 embedded by default (in memory
 * or in a file), PostgreSQL for real servers. {@link io.connectstage.store.jdbc.JdbcConnectorStore}
 * keeps ConnectorStaged values, {@link io.connectstage.store.jdbc.JdbcPublishedConnectorStore}
 * the published Connectors; {@link io.connectstage.store.jdbc.JdbcStores} makes the data sources
 * of the defaults. Both stores create their schema on first use and behave exactly as the memory
 * stores (same contract suites, same error values).
 */
package io.connectstage.store.jdbc;
