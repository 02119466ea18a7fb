package org.hypomag.cds.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches a medication (codes + text) to catalog drug classes (D9): RxNorm ingredient codes, RxNorm/SNOMED
 * product codes through the product -> ingredient table, ATC, SNOMED substance codes, and text as the last
 * resort (only when no code matched any class). Usable on its own for draft orders.
 */
public final class DrugMatcher {

    /** The matcher of the last catalog asked for (the service has one catalog): built once, not per rule call. */
    private static volatile DrugMatcher last;

    private final DrugCatalog catalog;
    /** Each catalog term indexed by its words, normalised once (issue 16: no scan of every term per text). */
    private final DrugTextIndex textIndex;
    /**
     * Issue 16: which codes can match anything, so the loops over every class and product run only for those
     * (most of a chart's medications are in no class). A class matches a code only by an exact (system, code)
     * of its ATC or ingredient codes, or by an ATC code under another system: the code alone must then be one
     * of the ATC codes; a product link only by its exact (system, code).
     */
    private final Set<CodeKey> classCodes = new HashSet<>();
    private final Set<String> atcCodes = new HashSet<>();
    private final Set<CodeKey> productCodes = new HashSet<>();

    public DrugMatcher(DrugCatalog catalog) {
        this.catalog = catalog;
        for (DrugClass cls : catalog.classes()) {
            for (Code atc : cls.atc()) {
                classCodes.add(new CodeKey(atc.system(), atc.code()));
                atcCodes.add(atc.code());
            }
            for (DrugClass.Ingredient ing : cls.ingredients()) {
                ing.codes().forEach(c -> classCodes.add(new CodeKey(c.system(), c.code())));
            }
        }
        textIndex = new DrugTextIndex(catalog.classes());
        catalog.products().forEach(link -> productCodes.add(new CodeKey(link.product().system(),
                link.product().code())));
    }

    /** The matcher for this catalog; the same instance while the catalog is the same object. */
    public static DrugMatcher of(DrugCatalog catalog) {
        DrugMatcher m = last;
        if (m == null || m.catalog != catalog) {
            m = new DrugMatcher(catalog);
            last = m;
        }
        return m;
    }

    /** Every class the medication belongs to, at most one match per class, code matches first. */
    public List<DrugMatch> match(List<Code> codes, String text) {
        Map<String, DrugMatch> found = new LinkedHashMap<>();
        for (Code code : codes) {
            CodeKey key = new CodeKey(code.system(), code.code());
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
            List<String> texts = new ArrayList<>(codes.size() + 1);
            texts.add(text);
            codes.forEach(c -> texts.add(c.display()));
            String[] terms = textIndex.match(texts);
            for (int i = 0; i < terms.length; i++) {
                if (terms[i] != null) {
                    DrugClass cls = catalog.classes().get(i);
                    found.putIfAbsent(cls.id(), new DrugMatch(cls.id(), cls.role(), DrugMatch.How.TEXT, terms[i]));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Only the Mg-wasting classes (role CAUSE); raisers (R53) and Mg sources are never causes. */
    public List<DrugMatch> causes(List<Code> codes, String text) {
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
