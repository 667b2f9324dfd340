package io.connectstage.http;

/**
 * What the emulator's certification desk decides about a connector in certification: approve
 * (published, listed, certified) or reject (failed, the comment being the reason). The comment is
 * kept among the connector's certification comments; a rejection must give one.
 */
record CertificationDecision(boolean approve, String comment) {
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
}
