/**
 * The JDBC store (H2 embedded by default, PostgreSQL for real servers). Its implementation comes
 * with the JDBC store issue; the module is part of the build so that its place is fixed.
 */
package io.connectstage.store.jdbc;
