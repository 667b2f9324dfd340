/**
 * The documentation's own check: every Java block of README.md and docs/*.md is compiled, so that
 * the snippets users copy keep up with the API.
 */
package io.connectstage.docs;
