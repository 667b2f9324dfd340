/**
 * The rules of the API reference that several packages apply: field rules
 * ({@link io.connectstage.rule.FieldRules}), the limits of a request
 * ({@link io.connectstage.rule.Limits}) and how messages name a resource
 * ({@link io.connectstage.rule.Resources}). It depends on values and errors only, so that actions,
 * the functional core, the lifecycle and queries can all use it without pointing at each other.
 */
package io.connectstage.rule;
