package io.connectstage.store.jdbc;

import java.sql.SQLException;

/** Why an H2 file did not open, in one sentence: above all, that another process holds it. */
final class H2Open {
    /** H2's error code for a file locked by another process ({@code DATABASE_ALREADY_OPEN_1}). */
    static final int ALREADY_OPEN = 90020;

    private H2Open() {
    }

    static JdbcStoreException failure(String file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
                return new JdbcStoreException("the H2 file " + file + ".mv.db is in use by another process"
                        + " (another server on the same file?): H2 lets one process open it at a time", e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new JdbcStoreException("cannot open the H2 file " + file + ".mv.db: " + firstLine(root.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
