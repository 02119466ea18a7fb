/**
 * Durable shared state (card ledger, feedback, replay memory) behind small interfaces, and the meters of that
 * state ({@link org.hypomag.cds.store.StoreMetrics}). May import {@code clinical}; never {@code cdshooks},
 * {@code cards}, {@code fhir} or {@code security}.
 */
package org.hypomag.cds.store;
