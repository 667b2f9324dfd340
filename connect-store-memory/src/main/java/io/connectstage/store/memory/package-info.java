/** The default, in-memory implementation of the storage SPI. */
package io.connectstage.store.memory;
