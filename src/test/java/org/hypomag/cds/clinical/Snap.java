package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test builder for patient snapshots; "now" is fixed. Default: a 60-year-old woman with nothing recorded. */
final class Snap {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    static final String SCT = "http://snomed.info/sct";

    private LocalDate birthDate = LocalDate.of(1966, 5, 1);
    private Sex sex = Sex.FEMALE;
    private final List<LabResult> labs = new ArrayList<>();
    private final List<MedicationUse> meds = new ArrayList<>();
    private final List<ConditionEntry> conditions = new ArrayList<>();
    private final Map<DataKey, String> unknown = new EnumMap<>(DataKey.class);
    private int counter;
    private String encounterId;
    private boolean deceased;

    static Snap patient() {
        return new Snap();
    }

    Snap ageYears(int years) {
        birthDate = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusYears(years).minusDays(10);
        return this;
    }

    Snap noBirthDate() {
        birthDate = null;
        return this;
    }

    Snap sex(Sex s) {
        sex = s;
        return this;
    }

    Snap mg(String mgDl, Duration ago) {
        return lab(Analyte.MAGNESIUM, mgDl, ago);
    }

    Snap lab(Analyte a, String value, Duration ago) {
        return lab(a, value, ValueComparator.EQUAL, ResultStatus.FINAL, ago, null, null);
    }

    Snap lab(Analyte a, String value, ValueComparator c, ResultStatus status, Duration ago, String refLow,
             String problem) {
        Code code = TestKnowledge.K.labCodes().codes(a).isEmpty() ? new Code("http://loinc.org", "x", null)
                : TestKnowledge.K.labCodes().codes(a).get(0);
        labs.add(new LabResult(a, code, value == null ? null : new BigDecimal(value), c,
                value == null ? "?" : value + " " + a.canonicalUnit(), status,
                new SourceRef("Observation/" + (++counter), NOW.minus(ago)),
                refLow == null ? null : new BigDecimal(refLow), null, problem));
        return this;
    }

    Snap labWithCode(Analyte a, Code code, String value, Duration ago) {
        labs.add(new LabResult(a, code, new BigDecimal(value), ValueComparator.EQUAL, value, ResultStatus.FINAL,
                new SourceRef("Observation/" + (++counter), NOW.minus(ago)), null, null, null));
        return this;
    }

    Snap egfr(String value) {
        return lab(Analyte.EGFR, value, Duration.ofDays(1));
    }

    Snap weight(String kg) {
        return lab(Analyte.WEIGHT, kg, Duration.ofDays(2));
    }

    Snap med(String text, MedicationStatus status, Duration started, Code... codes) {
        return med(text, status, started, null, MedicationOrigin.REQUEST, codes);
    }

    /** D22: a request, statement or administration with an end ({@code ended} ago; null: no end). */
    Snap med(String text, MedicationStatus status, Duration started, Duration ended, MedicationOrigin origin,
             Code... codes) {
        String type = switch (origin) {
            case REQUEST -> "MedicationRequest/";
            case STATEMENT -> "MedicationStatement/";
            case ADMINISTRATION -> "MedicationAdministration/";
        };
        meds.add(new MedicationUse(List.of(codes), text, status,
                new SourceRef(type + (++counter), started == null ? null : NOW.minus(started)),
                ended == null ? null : NOW.minus(ended), origin));
        return this;
    }

    Snap activeMed(String text, Code... codes) {
        return med(text, MedicationStatus.ACTIVE, Duration.ofDays(200), codes);
    }

    Snap condition(String text, boolean active, boolean encounterDx, Duration onsetAgo, Code... codes) {
        conditions.add(new ConditionEntry(List.of(codes), text, active, encounterDx,
                new SourceRef("Condition/" + (++counter), onsetAgo == null ? null : NOW.minus(onsetAgo))));
        return this;
    }

    /** A Condition that references an encounter (its bare id). */
    Snap conditionOfEncounter(String text, boolean active, String encounter, Duration onsetAgo, Code... codes) {
        conditions.add(new ConditionEntry(List.of(codes), text, active, true,
                new SourceRef("Condition/" + (++counter), onsetAgo == null ? null : NOW.minus(onsetAgo)), encounter,
                onsetAgo != null));
        return this;
    }

    /** context.encounterId of the call. */
    Snap encounter(String id) {
        encounterId = id;
        return this;
    }

    /** D21: Patient.deceasedBoolean true. */
    Snap deceased() {
        deceased = true;
        return this;
    }

    /** An active condition on the problem list with an onset long ago (D18: history, not an emergency). */
    Snap activeCondition(String text, Code... codes) {
        return condition(text, true, false, Duration.ofDays(400), codes);
    }

    Snap unknown(DataKey key, String reason) {
        unknown.put(key, reason);
        return this;
    }

    PatientSnapshot build() {
        return new PatientSnapshot("p1", birthDate, sex, labs, meds, conditions, List.of(), unknown, encounterId,
                deceased);
    }

    Assessment assess() {
        return Assessor.assess(build(), TestKnowledge.K, NOW);
    }

    static Code rx(String code) {
        return new Code(RXNORM, code, null);
    }

    static Code atc(String code) {
        return new Code(ATC, code, null);
    }

    static Code sct(String code) {
        return new Code(SCT, code, null);
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    static Duration days(long d) {
        return Duration.ofDays(d);
    }
}
