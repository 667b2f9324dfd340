/**
 * The wire JSON of the Connect API (Jackson): reading that answers bad input with
 * {@code InvalidJsonInput} errors instead of exceptions, and writing that matches the
 * reference's examples field for field.
 */
package io.connectstage.json;
