/**
 * The storage SPI: {@link io.connectstage.store.ConnectorStore} (find, insert with unique key,
 * compare-and-set replace, delete, query a page) and the query it answers.
 */
package io.connectstage.store;
