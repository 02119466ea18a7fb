package org.hypomag.cds.clinical;

import java.util.Set;

/** The texts.yaml keys the rules emit (besides those the dose table and drug catalog name). */
public final class TextKeys {

    public static final String RENAL_CUT_REDUCED = "renal.cut.reduced";
    public static final String RENAL_CUT_UNKNOWN = "renal.cut.unknown";
    public static final String RENAL_HOLD_NEXT = "renal.hold-next-dose";
    public static final String RENAL_CKD_CAUTION = "renal.ckd-caution";
    public static final String RENAL_DIALYSIS = "renal.dialysis";
    public static final String RENAL_FAILURE = "renal.failure";
    public static final String RENAL_HYPERMG_RISK = "renal.hypermg-risk";
    public static final String RENAL_HYPERMG_RISK_FAILURE = "renal.hypermg-risk-failure";
    public static final String RENAL_HYPERMG_RISK_DIALYSIS = "renal.hypermg-risk-dialysis";
    public static final String RENAL_HYPERMG_RISK_UNKNOWN = "renal.hypermg-risk-unknown";
    public static final String PEDS_DOSE = "peds.dose";
    public static final String PEDS_WEIGHT_NEEDED = "peds.weight-needed";
    public static final String PEDS_NO_ORAL = "peds.no-oral";
    public static final String AGE_UNKNOWN = "age.unknown";
    public static final String EMERGENCY_IN_WORDS = "emergency.in-words";
    public static final String EMERGENCY_FOLLOW_ON = "emergency.follow-on";
    public static final String MILD_IV_FIRST = "mild.iv-first";
    public static final String POTASSIUM_LOW = "potassium.low";
    public static final String CALCIUM_LOW = "calcium.low";
    public static final String MONITORING_WATCH = "monitoring.watch";
    public static final String MONITORING_ANTIDOTE = "monitoring.antidote";
    public static final String ORAL_SLOW_RELEASE = "oral.slow-release";
    public static final String ORAL_MGO = "oral.magnesium-oxide";
    public static final String ORAL_MGO_REDUCED = "oral.magnesium-oxide-reduced";
    public static final String ORAL_DIARRHOEA = "oral.diarrhoea";
    public static final String ORAL_LABEL = "oral.label";
    public static final String DRUG_GENERAL_KNOWLEDGE = "drug.general-knowledge";
    public static final String HYPER_SIGNS = "hyper.signs";
    public static final String HYPER_NO_MORE_MG = "hyper.no-more-mg";
    public static final String STALE_LOW = "stale.low";
    public static final String GAP_BASELINE = "gap.baseline";
    public static final String URGENT_MG = "urgent.mg";
    public static final String D17_REPEAT = "d17.repeat";
    public static final String REASON_MG_AFTER_INFUSION = "reason.mg-after-infusion";
    public static final String REASON_POTASSIUM = "reason.potassium";
    public static final String REASON_CALCIUM = "reason.calcium";
    public static final String REASON_CREATININE = "reason.creatinine";
    public static final String REASON_RECHECK = "reason.recheck";
    public static final String REASON_BASELINE = "reason.baseline";
    public static final String REASON_URGENT = "reason.urgent";
    public static final String CNC_INTRO = "cnc.intro";

    /** Every key above; the loader refuses a texts.yaml that lacks one. */
    public static final Set<String> REQUIRED = Set.of(RENAL_CUT_REDUCED, RENAL_CUT_UNKNOWN, RENAL_HOLD_NEXT,
            RENAL_CKD_CAUTION, RENAL_DIALYSIS, RENAL_FAILURE, RENAL_HYPERMG_RISK, PEDS_DOSE, PEDS_WEIGHT_NEEDED,
            PEDS_NO_ORAL, AGE_UNKNOWN, EMERGENCY_IN_WORDS, EMERGENCY_FOLLOW_ON, MILD_IV_FIRST, POTASSIUM_LOW,
            CALCIUM_LOW, MONITORING_WATCH, MONITORING_ANTIDOTE, ORAL_SLOW_RELEASE, ORAL_MGO, ORAL_DIARRHOEA,
            ORAL_LABEL, DRUG_GENERAL_KNOWLEDGE, HYPER_SIGNS, HYPER_NO_MORE_MG, STALE_LOW, GAP_BASELINE, URGENT_MG,
            D17_REPEAT, REASON_MG_AFTER_INFUSION, REASON_POTASSIUM, REASON_CALCIUM, REASON_CREATININE,
            REASON_RECHECK, REASON_BASELINE, REASON_URGENT, CNC_INTRO, RENAL_HYPERMG_RISK_FAILURE,
            RENAL_HYPERMG_RISK_DIALYSIS, RENAL_HYPERMG_RISK_UNKNOWN, ORAL_MGO_REDUCED);

    /**
     * D6: the hypermagnesemia-risk text of a band (eGFR under 30, under 15, dialysis, unknown), or null with
     * full-dose kidney function. Each names the band, so no card says "reduced" when the function is unknown.
     */
    public static String hyperMgRisk(RenalBand band) {
        return switch (band) {
            case REDUCED_15_30 -> RENAL_HYPERMG_RISK;
            case FAILURE_UNDER_15 -> RENAL_HYPERMG_RISK_FAILURE;
            case DIALYSIS -> RENAL_HYPERMG_RISK_DIALYSIS;
            case UNKNOWN -> RENAL_HYPERMG_RISK_UNKNOWN;
            default -> null;
        };
    }

    private TextKeys() {
    }
}
