package io.connectstage.store;

import io.connectstage.connector.IntegrationType;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.error.ConnectError;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A query of the Deployments of one project, as {@code GET /{projectKey}/deployments} takes it:
 * paging ({@code limit} 0 to 500, default 20; {@code offset} 0 to 10,000), sort criteria over
 * {@code id}, {@code key}, {@code version}, {@code status}, {@code createdAt} and
 * {@code lastModifiedAt} (ties broken by id; a Deployment without a time comes first going up), and the
 * filters {@code integrationTypes} (a Deployment matches when its connector has any of them;
 * empty: all) and {@code deploymentType} ({@code null}: all).
 *
 * <pre>{@code
 * DeploymentQuery.of("my-project").withDeploymentType(DeploymentType.PRODUCTION).withLimit(50);
 * }</pre>
 */
public record DeploymentQuery(
        String projectKey,
        int limit,
        int offset,
        java.util.List<Sort> sort,
        Set<IntegrationType> integrationTypes,
        DeploymentType deploymentType) {

    /** The fields Deployments can be sorted by. */
    public static final Set<SortField> SORT_FIELDS = Set.of(SortField.ID, SortField.KEY, SortField.VERSION, SortField.STATUS,
            SortField.CREATED_AT, SortField.LAST_MODIFIED_AT);

    /** Holds what was asked, valid or not; {@link #errors()} says what is wrong with it. */
    public DeploymentQuery {
        sort = sort == null ? java.util.List.of() : Collections.unmodifiableList(new ArrayList<>(sort));
        integrationTypes = integrationTypes == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(integrationTypes));
    }

    /** Every Deployment of the project, first page, default size, ordered by id. */
    public static DeploymentQuery of(String projectKey) {
        return new DeploymentQuery(projectKey, ConnectorQuery.DEFAULT_LIMIT, 0, java.util.List.of(), Set.of(), null);
    }

    /**
     * A query from the query parameters of {@code GET /{projectKey}/deployments}, as an HTTP
     * server decodes them: {@code limit}, {@code offset}, {@code sort} (repeatable),
     * {@code integrationTypes} (repeatable), {@code deploymentType}. Every bad parameter is an
     * {@code InvalidQueryParam} error; all are reported together.
     */
    public static Either<Seq<ConnectError>, DeploymentQuery> fromQueryParameters(String projectKey,
            Map<String, java.util.List<String>> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        Integer limit = p.integer("limit", ConnectorQuery.DEFAULT_LIMIT);
        Integer offset = p.integer("offset", 0);
        java.util.List<Sort> sort = p.sorts("sort");
        Set<IntegrationType> types = p.integrationTypes("integrationTypes");
        DeploymentType type = p.deploymentType("deploymentType");
        DeploymentQuery query = new DeploymentQuery(projectKey, limit == null ? ConnectorQuery.DEFAULT_LIMIT : limit,
                offset == null ? 0 : offset, sort, types, type);
        java.util.List<ConnectError> errors = new ArrayList<>(p.errors());
        errors.addAll(query.errors().asJava());
        return errors.isEmpty() ? Either.right(query) : Either.left(List.ofAll(errors));
    }

    public DeploymentQuery withLimit(int value) {
        return new DeploymentQuery(projectKey, value, offset, sort, integrationTypes, deploymentType);
    }

    public DeploymentQuery withOffset(int value) {
        return new DeploymentQuery(projectKey, limit, value, sort, integrationTypes, deploymentType);
    }

    public DeploymentQuery withSort(java.util.List<Sort> value) {
        return new DeploymentQuery(projectKey, limit, offset, value, integrationTypes, deploymentType);
    }

    public DeploymentQuery withIntegrationTypes(Set<IntegrationType> value) {
        return new DeploymentQuery(projectKey, limit, offset, sort, value, deploymentType);
    }

    public DeploymentQuery withDeploymentType(DeploymentType value) {
        return new DeploymentQuery(projectKey, limit, offset, sort, integrationTypes, value);
    }

    /** The errors of this query; none when a store may run it. */
    public Seq<ConnectError> errors() {
        Seq<ConnectError> errors = ConnectorQuery.pagingErrors(limit, offset).appendAll(ConnectorQuery.nullErrors(sort, "sort"));
        if (projectKey == null || projectKey.isEmpty()) {
            errors = errors.append(ConnectError.invalidPathParam("projectKey", "must not be empty"));
        }
        for (Sort s : sort) {
            if (s != null && !SORT_FIELDS.contains(s.field())) {
                errors = errors.append(ConnectError.invalidQueryParam("sort",
                        "Deployments cannot be sorted by " + s.field().wireValue()
                                + "; by id, key, version, status, createdAt or lastModifiedAt"));
            }
        }
        if (integrationTypes.contains(null)) {
            errors = errors.append(ConnectError.invalidQueryParam("integrationTypes", "must not contain null"));
        }
        return errors;
    }

    /** Whether a Deployment (of this query's project) passes the filters. */
    public boolean matches(Deployment d) {
        if (deploymentType != null && d.type() != deploymentType) {
            return false;
        }
        if (integrationTypes.isEmpty()) {
            return true;
        }
        for (IntegrationType type : d.connector().integrationTypes()) {
            if (type != null && integrationTypes.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** The order of the results: the sort criteria, then id. */
    public Comparator<Deployment> order() {
        return Sort.order(sort, DeploymentQuery::comparator, Comparator.comparing(Deployment::id));
    }

    private static Comparator<Deployment> comparator(Sort s) {
        Comparator<Deployment> up;
        switch (s.field()) {
            case KEY:
                up = Comparator.comparing(Deployment::key, Comparator.nullsLast(Comparator.naturalOrder()));
                break;
            case VERSION:
                up = Comparator.comparingLong(Deployment::version);
                break;
            case STATUS:
                up = Comparator.comparing(d -> d.status().wireValue());
                break;
            case CREATED_AT:
                up = Comparator.comparing(Deployment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));
                break;
            case LAST_MODIFIED_AT:
                up = Comparator.comparing(Deployment::lastModifiedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
                break;
            default:
                up = Comparator.comparing(Deployment::id);
        }
        return s.ascending() ? up : up.reversed();
    }
}
