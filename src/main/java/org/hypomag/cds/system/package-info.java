/**
 * Wiring: the process-wide beans (FhirContext, Clock, the loaded knowledge and card texts, configuration
 * properties) and the class-data-sharing training run. May import {@code clinical}, {@code knowledge},
 * {@code fhir}; never {@code cdshooks}.
 */
package org.hypomag.cds.system;
