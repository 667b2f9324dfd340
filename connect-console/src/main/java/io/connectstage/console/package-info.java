/**
 * The web console: the Merchant Center's Connect screens as static assets (plain HTML, CSS and
 * JavaScript modules under {@code io/connectstage/console/assets}) and {@link
 * io.connectstage.console.ConsoleHandler}, which serves them at {@code /} and {@code /console/…} in
 * front of the Connect API. The screens call the same JSON API every client uses.
 */
package io.connectstage.console;
