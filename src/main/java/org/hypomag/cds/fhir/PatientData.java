package org.hypomag.cds.fhir;

public record PatientData() {
}
