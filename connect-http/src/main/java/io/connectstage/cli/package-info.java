/** The command line behind {@code ./connect}: {@code demo}, and the subcommands later issues add. */
package io.connectstage.cli;
