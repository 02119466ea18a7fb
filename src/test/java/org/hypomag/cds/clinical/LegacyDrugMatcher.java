package org.hypomag.cds.clinical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test oracle (issue 16): DrugMatcher as it was before its text fallback became an index lookup, kept
 * verbatim so the properties can show the new matcher gives the same matches in the same order.
 *
 * Matches a medication (codes + text) to catalog drug classes (D9): RxNorm ingredient codes, RxNorm/SNOMED
 * product codes through the product -> ingredient table, ATC, SNOMED substance codes, and text as the last
 * resort (only when no code matched any class). Usable on its own for draft orders.
 */
final class LegacyDrugMatcher {

    /** The matcher of the last catalog asked for (the service has one catalog): built once, not per rule call. */
    private static volatile LegacyDrugMatcher last;

    private final DrugCatalog catalog;
    /** Each catalog term as " words " (see {@link #words}), normalised once instead of on every match. */
    private final Map<String, String> termWords = new HashMap<>();
    /**
     * Issue 16: which codes can match anything, so the loops over every class and product run only for those
     * (most of a chart's medications are in no class). A class matches a code only by an exact (system, code)
     * of its ATC or ingredient codes, or by an ATC code under another system: the code alone must then be one
     * of the ATC codes; a product link only by its exact (system, code).
     */
    private final Set<SystemCode> classCodes = new HashSet<>();
    private final Set<String> atcCodes = new HashSet<>();
    private final Set<SystemCode> productCodes = new HashSet<>();

    private record SystemCode(String system, String code) {
    }

    public LegacyDrugMatcher(DrugCatalog catalog) {
        this.catalog = catalog;
        for (DrugClass cls : catalog.classes()) {
            for (Code atc : cls.atc()) {
                classCodes.add(new SystemCode(atc.system(), atc.code()));
                atcCodes.add(atc.code());
            }
            for (DrugClass.Ingredient ing : cls.ingredients()) {
                ing.terms().forEach(term -> termWords.put(term, " " + words(term).trim() + " "));
                ing.codes().forEach(c -> classCodes.add(new SystemCode(c.system(), c.code())));
            }
        }
        catalog.products().forEach(link -> productCodes.add(new SystemCode(link.product().system(),
                link.product().code())));
    }

    /** The matcher for this catalog; the same instance while the catalog is the same object. */
    static LegacyDrugMatcher of(DrugCatalog catalog) {
        LegacyDrugMatcher m = last;
        if (m == null || m.catalog != catalog) {
            m = new LegacyDrugMatcher(catalog);
            last = m;
        }
        return m;
    }

    /** Every class the medication belongs to, at most one match per class, code matches first. */
    List<DrugMatch> match(List<Code> codes, String text) {
        Map<String, DrugMatch> found = new LinkedHashMap<>();
        for (Code code : codes) {
            SystemCode key = new SystemCode(code.system(), code.code());
            if (classCodes.contains(key) || atcCodes.contains(code.code())) {
                for (DrugClass cls : catalog.classes()) {
                    matchCode(cls, code).ifPresent(m -> found.putIfAbsent(cls.id(), m));
                }
            }
            if (!productCodes.contains(key)) {
                continue;
            }
            for (DrugCatalog.ProductLink link : catalog.products()) {
                if (link.product().is(code.system(), code.code())) {
                    for (DrugClass cls : catalog.classes()) {
                        if (cls.ingredients().stream().anyMatch(i -> link.ingredients().contains(i.name()))) {
                            found.putIfAbsent(cls.id(), new DrugMatch(cls.id(), cls.role(),
                                    DrugMatch.How.PRODUCT_CODE, code.system() + "|" + code.code()));
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            List<String> texts = new ArrayList<>();
            texts.add(normalise(text));
            codes.forEach(c -> texts.add(normalise(c.display())));
            for (DrugClass cls : catalog.classes()) {
                matchText(cls, texts).ifPresent(m -> found.putIfAbsent(cls.id(), m));
            }
        }
        return List.copyOf(found.values());
    }

    /** Only the Mg-wasting classes (role CAUSE); raisers (R53) and Mg sources are never causes. */
    List<DrugMatch> causes(List<Code> codes, String text) {
        return match(codes, text).stream().filter(m -> m.role() == DrugRole.CAUSE).toList();
    }

    private static java.util.Optional<DrugMatch> matchCode(DrugClass cls, Code code) {
        for (Code atc : cls.atc()) {
            if (atc.is(code.system(), code.code())) {
                return java.util.Optional.of(new DrugMatch(cls.id(), cls.role(), DrugMatch.How.ATC,
                        code.system() + "|" + code.code()));
            }
        }
        for (DrugClass.Ingredient ing : cls.ingredients()) {
            for (Code c : ing.codes()) {
                if (c.is(code.system(), code.code())) {
                    return java.util.Optional.of(new DrugMatch(cls.id(), cls.role(),
                            DrugMatch.How.INGREDIENT_CODE, code.system() + "|" + code.code()));
                }
            }
        }
        if (atcShaped(code.code()) && !cls.atc().isEmpty() && !cls.atc().get(0).system().equals(code.system())) {
            for (Code atc : cls.atc()) {
                if (atc.code().equals(code.code())) { // an ATC code under another system (issue 19 item 16)
                    return java.util.Optional.of(new DrugMatch(cls.id(), cls.role(), DrugMatch.How.ATC_WRONG_SYSTEM,
                            (code.system() == null ? "" : code.system()) + "|" + code.code()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The shape of an ATC code of level 4 or 5 ("A12CC", "B05XA05": letter, 2 digits, 2 letters, [2 digits]),
     * which no RxNorm, SNOMED CT or NDC code has (those are digits only).
     */
    static boolean atcShaped(String code) {
        if (code == null || (code.length() != 5 && code.length() != 7)) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean letterAt = i == 0 || i == 3 || i == 4;
            if (letterAt ? !(c >= 'A' && c <= 'Z') : !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code texts} already normalised ({@link #normalise}). */
    private java.util.Optional<DrugMatch> matchText(DrugClass cls, List<String> texts) {
        for (String t : texts) {
            for (DrugClass.Ingredient ing : cls.ingredients()) {
                for (String term : ing.terms()) {
                    String w = termWords.get(term);
                    if (w.length() > 2 && t.contains(w)) {
                        return java.util.Optional.of(new DrugMatch(cls.id(), cls.role(), DrugMatch.How.TEXT,
                                term));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    static boolean containsWord(String normalisedText, String term) {
        String t = words(term).trim();
        return !t.isEmpty() && normalisedText.contains(" " + t + " ");
    }

    static String normalise(String raw) {
        return " " + words(raw == null ? "" : raw) + " ";
    }

    /**
     * Lower case, every run of characters other than a-z and 0-9 as one space: what
     * {@code toLowerCase().replaceAll("[^a-z0-9]+", " ")} gives, without compiling a pattern per call (text
     * matching runs for every uncoded medication against every catalog term: the regex was most of the
     * assessment's time).
     */
    static String words(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean inRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
                inRun = false;
            } else if (!inRun) {
                sb.append(' ');
                inRun = true;
            }
        }
        return sb.toString();
    }

}
