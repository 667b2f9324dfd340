/**
 * The update actions of a ConnectorStaged as a sealed hierarchy, one record per action, and the
 * update request that carries them. Each action validates itself and answers with a value.
 */
package io.connectstage.action;
