/**
 * The web console's browser tests: one {@code Console…BrowserTest} per screen of seed 000 drives
 * headless Chromium (Selenium) against a {@code ConnectServer}, clicks and types as a person would,
 * reads the result on screen and through the API, runs axe-core on each screen and writes
 * screenshots under {@code target/console-screenshots}. Skipped when Chromium is not installed.
 */
package io.connectstage.cli.console;
