package io.connectstage.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the proxy to running applications ({@code /.connectstage/apps/…}): the largest
 * request body it forwards (larger is 413), the largest answer it passes back (a larger declared
 * one is 502; a larger streamed one is cut and its connection closed), and the time an exchange
 * may take in all, from the request to the answer's last byte (504 when no answer has started by
 * then). The defaults are Cloud Run's: 32 MiB each way for HTTP/1 and a 300-second request timeout.
 *
 * <pre>{@code
 * ConnectServer.builder().runner(runner).appProxyLimits(new AppProxyLimits(1 << 20, 1 << 20, Duration.ofSeconds(30)));
 * }</pre>
 */
public record AppProxyLimits(long maxRequestBytes, long maxResponseBytes, Duration timeout) {
    /** Cloud Run's limits (cloud.google.com/run/quotas: 32 MiB HTTP/1 request and response; 300 s default timeout). */
    public static final AppProxyLimits CLOUD_RUN = new AppProxyLimits(32L << 20, 32L << 20, Duration.ofSeconds(300));

    public AppProxyLimits {
        Objects.requireNonNull(timeout, "timeout is null");
        if (maxRequestBytes < 0 || maxResponseBytes < 0) {
            throw new IllegalArgumentException("the proxy's limits are 0 or more, not " + maxRequestBytes + " and " + maxResponseBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the proxy's timeout is positive, not " + timeout);
        }
    }
}
