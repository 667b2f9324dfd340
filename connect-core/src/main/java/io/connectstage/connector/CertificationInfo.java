package io.connectstage.connector;

import java.util.List;

/** The comments made during the certification process, oldest first. */
public record CertificationInfo(List<CertificationInfoComment> comments) {

    public CertificationInfo {
        comments = Lists.orEmpty(comments);
    }

    /** This info with one more comment at the end. */
    public CertificationInfo plus(CertificationInfoComment comment) {
        return new CertificationInfo(Lists.append(comments, comment));
    }
}
