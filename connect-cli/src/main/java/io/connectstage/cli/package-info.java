/** The command line behind {@code ./connect} (picocli): {@code demo}, {@code analyze}, {@code serve}, {@code cli-env}. */
package io.connectstage.cli;
