package io.connectstage.store;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Where Deployments, their log entries and the work of their steps live: a narrow, dumb SPI in
 * the manner of {@link ConnectorStore}. A Deployment belongs to one project; its id is unique in
 * the store, its key unique in its project. Writes are compare-and-set on the version and carry
 * their work and log entries ({@link DeploymentWrite}) in the same atomic write; refusals are
 * {@link StoreRefusal}s. Validation, the status machine and every error text stay in the core.
 * Secured configuration values are kept (a store that serializes writes them with
 * {@code DeploymentJson.writeForStorage}) and never logged.
 *
 * Its work queue ({@link WorkQueue}) holds the Deployments' steps.
 *
 * <p>Log entries are bounded: a store keeps at most a number of entries per Deployment that it is
 * built with ({@link #DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT} unless told otherwise), so that an
 * application printing without end fills neither memory nor disk. A write that appends past the
 * bound (an {@link #appendLogs}, or the logs of a {@link DeploymentWrite}) drops, in the same
 * atomic write, the Deployment's oldest entries in log order (by timestamp, then the order they
 * were appended) until only the newest ones are left; an appended entry older than all the kept
 * ones may thus be dropped at once. {@link #logs} reads what is kept.
 *
 * <p>Every store runs {@code DeploymentStoreContract} of connect-testkit.
 *
 * <pre>{@code
 * store.insert("my-project", created, DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.DEPLOY, "my-project", created)));
 * Option<Work> claimed = store.claim("processor-1", now, now.plusSeconds(60));
 * }</pre>
 */
public interface DeploymentStore extends WorkQueue {

    /** How many log entries a store keeps per Deployment unless it is built with another bound. */
    int DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT = 100_000;

    /** The Deployment of this project with this id. */
    Option<Deployment> findById(String projectKey, String id);

    /** The Deployment of this project with this key. */
    Option<Deployment> findByKey(String projectKey, String key);

    /**
     * Stores a new Deployment of {@code projectKey} with the work and logs of {@code write}
     * ({@code completes} must be {@code null}); {@link StoreRefusal.KeyTaken} (checked first, in
     * the project) or {@link StoreRefusal.IdTaken} (in the store), and nothing is stored then.
     */
    Either<StoreRefusal, Deployment> insert(String projectKey, Deployment deployment, DeploymentWrite write);

    /**
     * In one atomic write: replaces the stored Deployment of {@code projectKey} with the id of
     * {@code next} when the stored version is {@code expectedVersion}, enqueues, completes and
     * appends what {@code write} carries (an enqueued item replaces the stored one with its id,
     * lease and attempts as given: see {@link DeploymentWrite}). Refusals, in this order: {@link StoreRefusal.NotFound},
     * {@link StoreRefusal.VersionMismatch}, {@link StoreRefusal.KeyChanged},
     * {@link StoreRefusal.WorkGone}; a refused write changes nothing.
     */
    Either<StoreRefusal, Deployment> replace(String projectKey, Deployment next, long expectedVersion, DeploymentWrite write);

    /**
     * Removes the Deployment with this id, its log entries and its work, when its version is
     * {@code expectedVersion}, completing {@code completes} (or {@code null}) in the same write;
     * answers the removed value. Refusals as for {@link #replace}.
     */
    Either<StoreRefusal, Deployment> delete(String projectKey, String id, long expectedVersion, Work completes);

    /** One page of the project's Deployments that match, in the query's order, and how many match. */
    DeploymentQueryPage query(DeploymentQuery query);

    /**
     * The log entries of a Deployment in {@code range}, in log order: by timestamp, entries of one
     * instant in the order they were appended. Empty for an unknown Deployment.
     */
    List<DeploymentLog> logs(String deploymentId, DeploymentLogRange range);

    /**
     * Appends log entries to the Deployment with this id of {@code projectKey} outside any change
     * of the Deployment: what its running applications print. The oldest entries beyond the
     * store's bound go in the same write (see above). Atomic with respect to
     * {@link #delete}: entries never outlive their Deployment. {@code false} when there is no such
     * Deployment, and nothing is stored then.
     */
    boolean appendLogs(String projectKey, String deploymentId, List<DeploymentLog> logs);
}
