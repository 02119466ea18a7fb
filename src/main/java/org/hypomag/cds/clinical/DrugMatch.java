package org.hypomag.cds.clinical;

/**
 * One drug class a medication matched, and how.
 *
 * @param classId  catalog class id
 * @param role     CAUSE / RAISER / MG_SOURCE
 * @param how      INGREDIENT_CODE, PRODUCT_CODE, ATC, ATC_WRONG_SYSTEM (an ATC code sent under another system,
 *                 e.g. labelled RxNorm: matched, and the order card says so), TEXT
 * @param evidence the code ("rxnorm|314200") or text term that matched
 */
public record DrugMatch(String classId, DrugRole role, How how, String evidence) {

    public enum How { INGREDIENT_CODE, PRODUCT_CODE, ATC, ATC_WRONG_SYSTEM, TEXT }
}
