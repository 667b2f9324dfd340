package io.connectstage.spec;

/**
 * The {@code scripts} of an application in {@code connect.yaml}: shell commands that Connect runs
 * in the application's folder after a successful deployment ({@code postDeploy}) and before an
 * undeployment ({@code preUndeploy}); each {@code null} when the file has none.
 *
 * <pre>{@code
 * new ApplicationScripts("npm install && npm run connector:post-deploy", null)
 * }</pre>
 */
public record ApplicationScripts(String postDeploy, String preUndeploy) {

    /** No scripts. */
    public static final ApplicationScripts NONE = new ApplicationScripts(null, null);
}
