/**
 * OAuth 2.0 client credentials as commercetools' auth service does them: API clients with a
 * secret and scopes of one project (or, organization clients, of several), access tokens of one
 * project each that expire, and the scope checks of the Connect API ({@code view_connectors},
 * {@code manage_connectors}, {@code manage_project} and the {@code _deployments} ones, each
 * {@code :{projectKey}}).
 */
package io.connectstage.oauth;
