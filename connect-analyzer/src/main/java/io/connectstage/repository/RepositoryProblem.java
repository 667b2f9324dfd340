package io.connectstage.repository;

import java.util.Objects;

/**
 * Why the specification file of a repository could not be had: a {@link Kind} named after the
 * Connect error code to answer with, the repository URL (credentials already removed), the tag,
 * and a {@code detail} that says what exactly went wrong. No text in here ever holds a password
 * or a token from the URL.
 *
 * <pre>{@code
 * problem.kind();     // ConnectorSpecificationFileNotFound
 * problem.message();  // The file connect.yaml at https://github.com/acme/c.git with the tag 1.0.0 was not found
 * problem.detail();   // there is no connect.yaml at the root of the tag
 * }</pre>
 */
public record RepositoryProblem(Kind kind, String url, String tag, String detail) {

    /** The three Connect errors a repository can cause; each constant is spelled as its code. */
    public enum Kind {
        /** The URL is unknown or unreachable, access is refused, the tag does not exist, or the fetch timed out. */
        GIT_REPOSITORY_NOT_REACHABLE,
        /** The tag has no file {@code connect.yaml} at its root (nothing there, or a directory). */
        CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
        /** Something is at {@code connect.yaml} but it cannot be a specification: a symlink, a submodule, too large. */
        CONNECTOR_SPECIFICATION_FILE_NOT_VALID;

        /** The Connect error code, e.g. {@code GitRepositoryNotReachable}. */
        public String code() {
            StringBuilder camel = new StringBuilder();
            for (String word : name().split("_")) {
                camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
            return camel.toString();
        }
    }

    public RepositoryProblem {
        Objects.requireNonNull(kind, "kind is null");
        url = url == null ? "" : url;
        tag = tag == null ? "" : tag;
        detail = detail == null ? "" : detail;
    }

    /**
     * The message of the Connect error, in the wording of the API reference with the URL and tag
     * filled in.
     */
    public String message() {
        String atTag = tag.isEmpty() ? "" : " with the tag " + tag;
        switch (kind) {
            case GIT_REPOSITORY_NOT_REACHABLE:
                return "Repository " + url + atTag + " is not reachable";
            case CONNECTOR_SPECIFICATION_FILE_NOT_FOUND:
                return "The file " + RepositorySource.SPEC_FILE + " at " + url + atTag + " was not found";
            default:
                return "The file " + RepositorySource.SPEC_FILE + " at " + url + atTag + " is not valid";
        }
    }

    @Override
    public String toString() {
        return kind + ": " + message() + " (" + detail + ")";
    }
}
