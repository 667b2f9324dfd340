package io.connectstage.analysis;

/**
 * The titles of the report entries an analysis writes, worded like the API reference's examples
 * and named after the Connect error each failure is ("Connector specification file not found"
 * for {@code ConnectorSpecificationFileNotFound}).
 */
public final class ReportTitles {
    public static final String REPOSITORY_NOT_REACHABLE = "Git repository not reachable";
    public static final String SPEC_NOT_FOUND = "Connector specification file not found";
    public static final String SPEC_NOT_VALID = "Connector specification file not valid";
    public static final String SPEC_VALID = "Connector specification file validation check succeeded";
    public static final String CHECKS_NOT_RUN = "Image security analysis, SAST and SCA analysis and unit tests not run";
    public static final String CHECKS_NOT_RUN_MESSAGE = "connectstage does not build the applications, so the image"
            + " security analysis, the SAST and SCA scans and the connector's unit tests that the Connect service runs"
            + " were not run.";

    private ReportTitles() {
    }
}
