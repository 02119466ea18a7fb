package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One rule case read from src/test/resources/clinical-cases/*.yaml. */
record RuleCase(String file, String name, List<String> rules, List<String> silent, Map<String, Object> data) {

    /** Every rule id the case exercises: those it must emit and those that decide by emitting nothing. */
    List<String> allRules() {
        List<String> all = new ArrayList<>(rules);
        all.addAll(silent);
        return all;
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }

    @SuppressWarnings("unchecked")
    PatientSnapshot snapshot() {
        Snap s = Snap.patient();
        Map<String, Object> p = map(data.get("patient"));
        if (p.containsKey("age")) {
            if (p.get("age") == null) {
                s.noBirthDate();
            } else {
                s.ageYears(((Number) p.get("age")).intValue());
            }
        }
        if (Boolean.TRUE.equals(p.get("deceased"))) {
            s.deceased();
        }
        if (p.containsKey("encounterId")) {
            s.encounter((String) p.get("encounterId"));
        }
        if (p.containsKey("sex")) {
            s.sex(Sex.valueOf((String) p.get("sex")));
        }
        for (Object o : list(data.get("labs"))) {
            Map<String, Object> l = map(o);
            s.lab(Analyte.valueOf((String) l.get("analyte")), l.get("value") == null ? null : str(l.get("value")),
                    ValueComparator.valueOf((String) l.getOrDefault("comparator", "EQUAL")),
                    ResultStatus.valueOf((String) l.getOrDefault("status", "FINAL")), ago(l.get("ago")),
                    l.get("refLow") == null ? null : str(l.get("refLow")), (String) l.get("problem"));
        }
        for (Object o : list(data.get("meds"))) {
            Map<String, Object> m = map(o);
            s.med((String) m.get("text"), MedicationStatus.valueOf((String) m.getOrDefault("status", "ACTIVE")),
                    m.get("started") == null ? null : ago(m.get("started")),
                    m.get("ended") == null ? null : ago(m.get("ended")),
                    MedicationOrigin.valueOf((String) m.getOrDefault("origin", "REQUEST")), codes(m.get("codes")));
        }
        for (Object o : list(data.get("conditions"))) {
            Map<String, Object> c = map(o);
            if (c.containsKey("encounterRef")) {
                s.conditionOfEncounter((String) c.get("text"), (Boolean) c.getOrDefault("active", true),
                        (String) c.get("encounterRef"), c.get("onset") == null ? null : ago(c.get("onset")),
                        codes(c.get("codes")));
                continue;
            }
            s.condition((String) c.get("text"), (Boolean) c.getOrDefault("active", true),
                    (Boolean) c.getOrDefault("encounter", false),
                    c.get("onset") == null ? null : ago(c.get("onset")), codes(c.get("codes")));
        }
        map(data.get("unknown")).forEach((k, v) -> s.unknown(DataKey.valueOf(k), (String) v));
        return s.build();
    }

    Map<String, Object> expect() {
        return map(data.get("expect"));
    }

    /** Every rule id the assessment emitted (findings, regimens and their modifiers, notes, orders). */
    static Set<String> emitted(Assessment a) {
        Set<String> ids = new LinkedHashSet<>();
        if (a.magnesium() != null) {
            ids.add(a.magnesium().ruleId());
        }
        if (a.staleLow() != null) {
            ids.add(a.staleLow().ruleId());
        }
        if (a.hyperMg() != null) {
            ids.add(a.hyperMg().ruleId());
        }
        if (a.monitoringGap() != null) {
            ids.add(a.monitoringGap().ruleId());
        }
        if (a.urgentMg() != null) {
            ids.add(a.urgentMg().ruleId());
        }
        if (a.persistentHypocalcaemia() != null) {
            ids.add(a.persistentHypocalcaemia().ruleId());
            a.persistentHypocalcaemia().regimens().forEach(r -> ids.addAll(r.appliedRules()));
            a.persistentHypocalcaemia().notes().forEach(n -> ids.add(n.ruleId()));
        }
        if (a.renal().method() != RenalMethod.UNKNOWN || a.renal().dialysis()) {
            ids.add("D6");
        }
        if (a.potassium().measured()) {
            ids.add(a.potassium().ruleId());
        }
        a.emergencies().forEach(e -> ids.add(e.ruleId()));
        if (!a.emergencyHistory().isEmpty()) {
            ids.add("D18");
        }
        if (a.emergencyLine() != null) {
            ids.add("D4");
        }
        if (a.deceased()) {
            ids.add("D21");
        }
        if (a.renal().notUsed() != null || a.renal().band() == RenalBand.DIALYSIS) {
            ids.add("D19");
        }
        a.regimens().forEach(r -> ids.addAll(r.appliedRules()));
        a.notes().forEach(n -> ids.add(n.ruleId()));
        a.monitoring().forEach(m -> ids.add(m.ruleId()));
        a.drugCauses().forEach(d -> ids.add(d.ruleId()));
        a.couldNotCheck().forEach(c -> ids.add(c.ruleId()));
        return ids;
    }

    private static Code[] codes(Object raw) {
        List<Code> out = new ArrayList<>();
        for (Object o : list(raw)) {
            Map<String, Object> c = map(o);
            String system = switch ((String) c.get("system")) {
                case "rxnorm" -> Snap.RXNORM;
                case "atc" -> Snap.ATC;
                case "sct" -> Snap.SCT;
                default -> (String) c.get("system");
            };
            out.add(new Code(system, str(c.get("code")), null));
        }
        return out.toArray(Code[]::new);
    }

    static Duration ago(Object raw) {
        String s = str(raw);
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return s.endsWith("h") ? Duration.ofHours(n) : Duration.ofDays(n);
    }

    static String str(Object o) {
        return o instanceof BigDecimal b ? b.toPlainString() : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
