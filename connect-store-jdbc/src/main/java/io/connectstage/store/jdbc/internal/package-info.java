/**
 * Plumbing of the JDBC stores, public only so that both store classes can share it: the SQL
 * dialects, the schema and its version, connection and transaction helpers, and the encodings
 * of the columns. Not API: it may change in any release.
 */
package io.connectstage.store.jdbc.internal;
