/**
 * How an operation names the resource it is about: {@link io.connectstage.resource.ResourceRef},
 * an id or a key, as the API's paths ({@code /{id}}, {@code /key={key}}) do. A package of its own,
 * below both the services and the processing, which both take one.
 */
package io.connectstage.resource;
