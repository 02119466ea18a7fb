/**
 * The CDS Hooks protocol: controller, the call runner (validate, resolve data, snapshot, assess, render), the
 * request validator, the service registry and services, errors as OperationOutcome, request filters, feedback
 * and the card ledger. May import every other project package; nothing imports it.
 */
package org.hypomag.cds.cdshooks;
