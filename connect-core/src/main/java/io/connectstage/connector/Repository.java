package io.connectstage.connector;

/**
 * The git repository that holds the Connect applications, and the tag of the release to use.
 *
 * <p>{@code new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0")}
 */
public record Repository(String url, String tag) {
}
