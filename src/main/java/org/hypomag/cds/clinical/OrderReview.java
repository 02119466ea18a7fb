package org.hypomag.cds.clinical;

import java.util.List;

/**
 * What the rules find in the draft orders of order-select / order-sign (issue 5; hypomagnesemia.md D10,
 * D11, D13, D16). Pure values; the order cards are rendered from it.
 *
 * @param wastingDrugs the Mg-wasting drugs being ordered and what the Mg situation means for them, or null
 *                     when none is drafted (or the situation needs no card: recent or stale normal Mg)
 * @param mgOrders     one check per drafted magnesium order
 */
public record OrderReview(WastingDrugOrders wastingDrugs, List<MgOrderCheck> mgOrders) {

    public OrderReview {
        mgOrders = List.copyOf(mgOrders);
    }

    public boolean isEmpty() {
        return wastingDrugs == null && mgOrders.stream().allMatch(c -> c.problems().isEmpty() && c.notes().isEmpty());
    }

    /** The Mg situation a drafted wasting drug meets. */
    public enum Situation {
        /** current Mg low: warn, with the replacement of the patient-view rules (D13, D5) */
        LOW_MG,
        /** no serum Mg within the D10 window: baseline level (D10, D16) */
        NO_MG_IN_WINDOW,
        /** the newest Mg is low but stale: re-check (D3) */
        STALE_LOW_MG
    }

    /**
     * Drafted Mg-wasting drugs (one card for all of them: the same condition never yields two cards).
     *
     * @param drafts           the drafts that matched a wasting class
     * @param causes           the drafted classes as D9 findings (texts chosen as on patient-view, D9, D15)
     * @param classIds         the classes matched (drafted), in catalog order
     * @param activeClassIds   wasting classes already active in the record (context for the combination)
     * @param situation        what the Mg situation is
     * @param indicator        D13: the alert's indicator for LOW_MG, raised one step when two or more wasting
     *                         classes meet; INFO otherwise
     * @param combination      two or more wasting classes meet (drafted or active)
     * @param mgOrderDrafted   a magnesium order is already among the drafts: no replacement is suggested
     *                         again (no loop)
     * @param mgOrder          the serum Mg order the card suggests: the D10 baseline (NO_MG_IN_WINDOW) or the
     *                         D3 re-check (STALE_LOW_MG); null for LOW_MG
     */
    public record WastingDrugOrders(List<DraftOrder> drafts, List<DrugCauseFinding> causes, List<String> classIds,
                                    List<String> activeClassIds,
                                    Situation situation, IndicatorLevel indicator, boolean combination,
                                    boolean mgOrderDrafted, MonitoringOrder mgOrder) {

        public WastingDrugOrders {
            drafts = List.copyOf(drafts);
            causes = List.copyOf(causes);
            classIds = List.copyOf(classIds);
            activeClassIds = List.copyOf(activeClassIds);
        }
    }

    /** How a drafted magnesium order is given. */
    public enum MgRoute { IV_SULFATE, ORAL }

    /** Problems a drafted magnesium order can have (D5-D8, D11, D16). */
    public enum Problem {
        /** recent normal Mg: no indication (D12, D16) */
        NO_INDICATION,
        /** Mg above the upper limit (D11) */
        HYPERMAGNESEMIA,
        /** no current serum Mg to dose from (D3, D14): measure before giving */
        NO_CURRENT_MG,
        /** eGFR below 15 or dialysis: no routine replacement (D6, T-DIALYSIS) */
        NO_ROUTINE_REPLACEMENT_RENAL,
        /** more grams than the rule allows for the grade (D5) */
        DOSE_ABOVE_RULE,
        /** eGFR 15-30 or unknown and the 50% cut is missing (D6, D15) */
        RENAL_CUT_MISSING,
        /** a child's dose above 50 mg/kg (D7) */
        CHILD_MG_PER_KG_ABOVE,
        /** a child's dose above 2 g (D7) */
        CHILD_CAP_EXCEEDED,
        /** a child without a current weight: the dose cannot be checked (D7) */
        CHILD_WITHOUT_WEIGHT,
        /** infused faster than the shortest duration of its regimen (D5, D7) */
        INFUSION_TOO_FAST,
        /** oral magnesium for a child: not in the source (D7) */
        CHILD_ORAL_NOT_IN_SOURCE,
        /** neither the structured dose nor the text gives a magnesium dose: it could not be checked (issue 19) */
        DOSE_NOT_READABLE,
        /** an IV order with no infusion time or rate: the infusion speed could not be checked (D5, issue 19) */
        DURATION_MISSING,
        /** no or unreadable birth date: the dose cannot be checked, never assumed adult (D19) */
        AGE_UNKNOWN
    }

    /** What the card says about how the order was read, when it was not read from its coded, structured fields. */
    public enum ReadNote {
        /** the structured dose is missing or not a magnesium amount ("1 {pill}"): the dose was read from the text */
        DOSE_FROM_TEXT,
        /** no timing.repeat.duration or rate: the infusion time was read from the text ("over 24 h") */
        DURATION_FROM_TEXT,
        /** an ATC code sent under another system (e.g. labelled RxNorm): matched as the ATC code */
        CODE_WRONG_SYSTEM
    }

    /**
     * One drafted magnesium order checked against the rules.
     *
     * @param draft       the draft
     * @param route       IV sulfate or oral
     * @param doseGrams   the drafted dose in grams of MgSO4 (after mg/kg x weight), or null when not read
     * @param problems    what deviates; empty when the order agrees with the rules
     * @param corrected   the order the rules suggest instead (an update of the same draft), or null
     * @param indicator   WARNING when a problem was found (D13, D16), INFO otherwise
     * @param holdNextDoseUntilMgResult eGFR 15-30: the next dose waits for the Mg result (D6)
     * @param monitoring  the monitoring the rules require with this order (D8)
     * @param durationMinutes the drafted infusion time (structured, from a rate, else from the text), or null
     * @param minDurationMinutes the shortest infusion time the rules give for this dose, or null when not
     *                    compared
     * @param notes       how the order was read where it was not from coded, structured fields (issue 19)
     * @param wrongSystemCode the code sent under the wrong system ("system|code"), or null
     * @param recheck     the D3 serum Mg order to measure first when there is no current Mg (NO_CURRENT_MG), else null
     */
    public record MgOrderCheck(DraftOrder draft, MgRoute route, java.math.BigDecimal doseGrams,
                               List<Problem> problems, MgSulfateRegimen corrected, IndicatorLevel indicator,
                               boolean holdNextDoseUntilMgResult, List<MonitoringOrder> monitoring,
                               java.math.BigDecimal durationMinutes, Integer minDurationMinutes,
                               List<ReadNote> notes, String wrongSystemCode, MonitoringOrder recheck) {

        public MgOrderCheck {
            problems = List.copyOf(problems);
            monitoring = List.copyOf(monitoring);
            notes = List.copyOf(notes);
        }

        /** IV magnesium stays or is suggested (the drafted IV order, or a correction): D8 watch and antidote apply. */
        public boolean givesIv() {
            boolean stopped = problems.stream().anyMatch(p -> p == Problem.NO_INDICATION
                    || p == Problem.HYPERMAGNESEMIA || p == Problem.NO_CURRENT_MG
                    || p == Problem.NO_ROUTINE_REPLACEMENT_RENAL || p == Problem.CHILD_ORAL_NOT_IN_SOURCE
                    || p == Problem.CHILD_WITHOUT_WEIGHT);
            return !stopped && (corrected != null || route == MgRoute.IV_SULFATE);
        }

        /**
         * The draft should be removed: high Mg (D11), no routine replacement (D6, T-DIALYSIS), oral Mg for a child
         * (D7). Never for "no hypomagnesemia indication" alone: magnesium may be given for another reason (issue 19
         * item 9).
         */
        public boolean deleteSuggested() {
            return problems.stream().anyMatch(p -> p == Problem.HYPERMAGNESEMIA
                    || p == Problem.NO_ROUTINE_REPLACEMENT_RENAL || p == Problem.CHILD_ORAL_NOT_IN_SOURCE);
        }

        /**
         * The D8/D6 labs to order with this draft: when it is corrected, or when it stays (not with no indication,
         * a high Mg or no current Mg); else none.
         */
        public List<MonitoringOrder> labs() {
            boolean stays = corrected != null || problems.stream().noneMatch(p -> p == Problem.NO_INDICATION
                    || p == Problem.HYPERMAGNESEMIA || p == Problem.NO_CURRENT_MG);
            return stays ? monitoring.stream().filter(o -> o.kind().withReplacement()).toList() : List.of();
        }
    }
}
