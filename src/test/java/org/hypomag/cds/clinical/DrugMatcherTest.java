package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** D9, R53: matching by ingredient, product, ATC, SNOMED and (last) text. */
class DrugMatcherTest {

    private final DrugMatcher matcher = new DrugMatcher(TestKnowledge.K.drugs());

    @Test
    void sameCatalog_sharesOneMatcher_anotherCatalogGetsItsOwn() {
        DrugCatalog other = new DrugCatalog("other", TestKnowledge.K.drugs().classes(), List.of(),
                TestKnowledge.K.drugs().exposure());

        assertThat(DrugMatcher.of(TestKnowledge.K.drugs())).isSameAs(DrugMatcher.of(TestKnowledge.K.drugs()));
        assertThat(DrugMatcher.of(other).causes(List.of(Snap.rx("314200")), "")).isEmpty(); // no product table
        assertThat(DrugMatcher.of(TestKnowledge.K.drugs()).causes(List.of(Snap.rx("314200")), ""))
                .extracting(DrugMatch::classId).containsExactly("ppi");
    }

    @Test
    void atcCodeUnderAnotherSystem_stillMatches() {
        assertThat(matcher.causes(List.of(new Code("http://www.nlm.nih.gov/research/umls/rxnorm", "L04AD02", null)),
                "")).singleElement().satisfies(m -> {
                    assertThat(m.classId()).isEqualTo("calcineurin-inhibitor");
                    assertThat(m.how()).isEqualTo(DrugMatch.How.ATC_WRONG_SYSTEM);
                });
    }

    @Test
    void codeInNoClassOrProduct_fallsBackToText() {
        assertThat(matcher.causes(List.of(new Code("http://www.nlm.nih.gov/research/umls/rxnorm", "999999",
                "omeprazole 20 MG")), "")).singleElement()
                .satisfies(m -> assertThat(m.how()).isEqualTo(DrugMatch.How.TEXT));
    }

    @Test
    void rxnormIngredient_matchesPpi() {
        assertThat(matcher.causes(List.of(Snap.rx("7646")), "")).singleElement()
                .satisfies(m -> {
                    assertThat(m.classId()).isEqualTo("ppi");
                    assertThat(m.how()).isEqualTo(DrugMatch.How.INGREDIENT_CODE);
                });
    }

    @Test
    void rxnormProduct_matchesThroughTheProductTable() {
        assertThat(matcher.causes(List.of(Snap.rx("314200")), "")).singleElement()
                .satisfies(m -> {
                    assertThat(m.classId()).isEqualTo("ppi");
                    assertThat(m.how()).isEqualTo(DrugMatch.How.PRODUCT_CODE);
                });
        assertThat(matcher.causes(List.of(Snap.rx("1719286")), "")).extracting(DrugMatch::classId)
                .containsExactly("loop-diuretic");
        assertThat(matcher.causes(List.of(Snap.rx("360110")), "")).extracting(DrugMatch::classId)
                .containsExactly("mtor-inhibitor");
    }

    @Test
    void atcCode_matches() {
        assertThat(matcher.causes(List.of(Snap.atc("L04AD02")), "")).extracting(DrugMatch::classId)
                .containsExactly("calcineurin-inhibitor");
        assertThat(matcher.causes(List.of(Snap.atc("L01XC06")), "")).extracting(DrugMatch::classId)
                .containsExactly("egfr-antagonist");
    }

    @Test
    void snomedProductAndSubstance_match() {
        assertThat(matcher.causes(List.of(Snap.sct("317935006")), "")).extracting(DrugMatch::classId)
                .containsExactly("thiazide-diuretic");
        assertThat(matcher.causes(List.of(Snap.sct("57066004")), "")).extracting(DrugMatch::classId)
                .containsExactly("cisplatin");
    }

    @Test
    void textOnly_isTheLastResort() {
        assertThat(matcher.causes(List.of(), "Amphotericin B liposomal 3 mg/kg IV")).singleElement()
                .satisfies(m -> {
                    assertThat(m.classId()).isEqualTo("amphotericin-b");
                    assertThat(m.how()).isEqualTo(DrugMatch.How.TEXT);
                });
    }

    @Test
    void textIsNotReadWhenACodeMatched() {
        assertThat(matcher.causes(List.of(Snap.rx("7646")), "omeprazole with furosemide note"))
                .extracting(DrugMatch::classId).containsExactly("ppi");
    }

    @Test
    void amilorideHydrochlorothiazideCombination_listsOnlyTheThiazide() {
        assertThat(matcher.match(List.of(Snap.rx("977883")), "")).extracting(DrugMatch::classId)
                .containsExactlyInAnyOrder("thiazide-diuretic", "potassium-sparing-enac");
        assertThat(matcher.causes(List.of(Snap.rx("977883")), "")).extracting(DrugMatch::classId)
                .containsExactly("thiazide-diuretic");
    }

    @Test
    void sglt2Inhibitor_isNeverACause() {
        assertThat(matcher.causes(List.of(), "empagliflozin 10 mg")).isEmpty();
        assertThat(matcher.match(List.of(), "empagliflozin 10 mg")).extracting(DrugMatch::role)
                .containsExactly(DrugRole.RAISER);
    }

    @Test
    void magnesiumSulfate_isAMagnesiumSourceNotACause() {
        assertThat(matcher.match(List.of(Snap.atc("B05XA05")), "")).extracting(DrugMatch::role)
                .containsExactly(DrugRole.MG_SOURCE);
        assertThat(matcher.match(List.of(), "Magnesium sulfate 2 g in 50 mL D5W")).extracting(DrugMatch::classId)
                .containsExactly("magnesium");
        assertThat(matcher.match(List.of(), "esomeprazole magnesium 40 mg")).extracting(DrugMatch::classId)
                .containsExactly("ppi");
    }

    @Test
    void wordBoundaries_preventPartialMatches() {
        assertThat(matcher.match(List.of(), "Lasix (brand not listed)")).isEmpty();
        assertThat(matcher.causes(List.of(), "GENTAMICIN sulfate 80 mg")).extracting(DrugMatch::classId)
                .containsExactly("aminoglycoside");
    }
}
