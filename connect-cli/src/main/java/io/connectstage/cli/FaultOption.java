package io.connectstage.cli;

import io.connectstage.rule.FieldRules;
import java.util.regex.Pattern;

/** The fault options of {@code serve}: {@code PROJECT/DEPLOYMENT_KEY[/APP]}, checked before the server starts. */
final class FaultOption {
    /** A project key as the server's scopes take it. */
    private static final Pattern PROJECT_KEY = Pattern.compile("[a-z0-9_-]{2,36}");

    private FaultOption() {
    }

    /**
     * The {@code parts} slash-separated parts of {@code value}: a project key, a deployment key
     * and, for three parts, an application name.
     *
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    static String[] parse(String option, String value, int parts) {
        String form = parts == 3 ? "PROJECT/DEPLOYMENT_KEY/APP" : "PROJECT/DEPLOYMENT_KEY";
        String[] p = value.split("/", -1);
        if (p.length != parts) {
            throw new IllegalArgumentException(option + " is " + form + ", not '" + value + "'");
        }
        if (!PROJECT_KEY.matcher(p[0]).matches()) {
            throw new IllegalArgumentException(option + ": '" + p[0] + "' is not a project key (" + PROJECT_KEY.pattern() + ")");
        }
        var keyErrors = FieldRules.key("deployment key", p[1]);
        if (!keyErrors.isEmpty()) {
            throw new IllegalArgumentException(option + ": " + keyErrors.head().fields().get("detailedErrorMessage"));
        }
        if (parts == 3 && p[2].isEmpty()) {
            throw new IllegalArgumentException(option + ": the application name is empty");
        }
        return p;
    }
}
