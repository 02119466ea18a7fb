package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one IV MgSO4 regimen from a dose-table row for a patient (D5 lower end, D6/D15 renal cut, D7
 * child mg/kg with the 2 g cap). Child: min(mg/kg x weight, 2 g, the adult row's upper bound) then the
 * renal cut, rounded down to 0.001 g (1 mg) (choices named in doses.yaml).
 */
final class IvDoses {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final DoseTable table;
    private final RegimenInput in;

    IvDoses(DoseTable table, RegimenInput in) {
        this.table = table;
        this.in = in;
    }

    MgSulfateRegimen regimen(IvRow base, boolean recommended, boolean onlyIfSymptomatic) {
        RenalBand band = in.renalBand();
        boolean cut = base.renalCut() && (band == RenalBand.REDUCED_15_30 || band == RenalBand.UNKNOWN);
        boolean severeRow = RuleId.T_HOSP_IV_SEV.is(base.ruleId()) || RuleId.T_SEV_NOURG.is(base.ruleId());
        IvRow row = cut && severeRow ? table.severeRenal() : base;
        BigDecimal factor = cut && !severeRow ? table.renalFactor() : BigDecimal.ONE;
        List<String> rules = new ArrayList<>(List.of(base.ruleId(), RuleId.D5.id()));
        if (cut) {
            rules.add(RuleId.D6.id());
            rules.add(RuleId.T_SEV_RENAL.id());
            rules.add(severeRow ? row.ruleId() : RuleId.D15.id());
        }
        BigDecimal low = row.gramsLow().multiply(factor);
        BigDecimal high = row.gramsHigh().multiply(factor);
        BigDecimal dose = low;
        PaediatricDose peds = null;
        if (in.child() && in.weightKg() != null) {
            rules.add(RuleId.T_PEDS.id());
            rules.add(RuleId.D7.id());
            DoseTable.Paediatric p = table.paediatric();
            BigDecimal childFactor = cut ? table.renalFactor() : BigDecimal.ONE;
            BigDecimal upper = p.capGrams().min(base.gramsHigh());
            BigDecimal weightBased = p.mgPerKgDefault().multiply(in.weightKg()).divide(THOUSAND);
            dose = floor(weightBased.min(upper).multiply(childFactor));
            low = dose;
            high = floor(p.mgPerKgHigh().multiply(in.weightKg()).divide(THOUSAND).min(upper).multiply(childFactor));
            peds = new PaediatricDose(p.mgPerKgDefault().multiply(childFactor), p.mgPerKgLow(), p.mgPerKgHigh(),
                    in.weightKg(), in.weightSource(), p.capGrams(), weightBased.compareTo(upper) > 0);
        }
        RenalCut renalCut = cut ? new RenalCut(band, table.renalFactor(),
                band == RenalBand.UNKNOWN ? TextKeys.RENAL_CUT_UNKNOWN : TextKeys.RENAL_CUT_REDUCED) : null;
        List<String> warnings = new ArrayList<>();
        if (band == RenalBand.CKD_30_60) {
            warnings.add(TextKeys.RENAL_CKD_CAUTION);
        }
        String hyperMg = TextKeys.hyperMgRisk(band);
        if (hyperMg != null) {
            warnings.add(hyperMg);
        }
        // the D8 watch/antidote texts are the card's (once per card), not every order's
        boolean daily = base.repeatDaysMin() != null;
        String repeat = daily ? base.repeatTextKey() : cut ? table.severeRenal().repeatTextKey() : row.repeatTextKey();
        return new MgSulfateRegimen(base.ruleId(), rules, row.labelKey(), recommended, onlyIfSymptomatic, dose,
                meq(dose), low, high, meq(low), meq(high), row.diluent(), row.alternativeDiluents(), row.volumeMl(),
                row.durationMinMinutes(), row.durationMaxMinutes(), row.durationMaxMinutes(), "IV", peds, renalCut,
                cut, repeat, row.recheckTextKey(), warnings, base.repeatDaysMin(), base.repeatDaysMax());
    }

    private BigDecimal meq(BigDecimal grams) {
        return grams.multiply(table.meqPerGram()).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal floor(BigDecimal grams) {
        return grams.setScale(3, RoundingMode.FLOOR);
    }
}
