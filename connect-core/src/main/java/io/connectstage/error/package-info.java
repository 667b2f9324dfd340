/**
 * Errors as values in the Connect error format: {@link io.connectstage.error.ConnectError} maps
 * one-to-one onto an entry of {@code errors[]}, {@link io.connectstage.error.ErrorResponse} onto
 * the whole body. Nothing in the public API throws for bad input; it answers with these.
 */
package io.connectstage.error;
