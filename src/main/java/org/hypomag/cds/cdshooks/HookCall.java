package org.hypomag.cds.cdshooks;

/**
 * The validated facts of one hook call that a service may need besides the snapshot (no tokens).
 *
 * @param serviceId    the called service
 * @param hook         the hook name
 * @param hookInstance the hook instance uuid (order-sign de-duplication keys on it)
 * @param patientId    context.patientId
 * @param encounterId  context.encounterId or null
 * @param userId       context.userId or null
 */
public record HookCall(String serviceId, String hook, String hookInstance, String patientId, String encounterId,
                       String userId) {
}
