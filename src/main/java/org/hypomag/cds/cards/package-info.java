/**
 * Rendering an assessment as CDS Hooks cards: the card wire records, the renderers (one per card family, wired
 * once in {@code CardWiring}), wording and the suggested FHIR orders. Renderers only render: every clinical
 * decision arrives in the assessment or order review. May import {@code clinical} and {@code knowledge} (and
 * HAPI for the suggested resources); never {@code cdshooks}, {@code fhir}, {@code security} or {@code system}.
 */
package org.hypomag.cds.cards;
