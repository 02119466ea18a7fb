package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DrugCatalog;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.DrugRole;

/** knowledge/drug-catalog.yaml: classes, ingredients and the product -> ingredient table. */
final class DrugCatalogLoader {

    private static final String ATC = "http://www.whocc.no/atc";

    private DrugCatalogLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, Map<String, String> systems,
                @NotNull @Valid Exposure exposure, @NotEmpty List<@NotNull @Valid ClassEntry> classes,
                @NotNull List<@NotNull @Valid Product> products) implements KnowledgeDoc {
    }

    /** D22: the exposure chain numbers and the default administration window. */
    record Exposure(@NotNull @Valid Days chainAfterEnd, @NotNull @Valid Days chainOpenEnded,
                    @NotNull @Valid Days administrationCountsFor) {
    }

    /** {value: N, unit: d, ref: "..."}. */
    record Days(@NotNull @Positive @DecimalMax("3650") BigDecimal value,
                @NotNull @Pattern(regexp = "d", message = "expected d") String unit, @NotBlank String ref,
                boolean choice) {
        Duration duration() {
            return Duration.ofMinutes(value.multiply(BigDecimal.valueOf(1440)).longValue());
        }
    }

    record ClassEntry(@NotBlank String id, @NotBlank String label, @NotNull DrugRole role,
                 @NotNull(message = "is required (true when the source does not name the class)")
                 Boolean generalKnowledge,
                 @NotBlank String effect, String frequency, String advice, String gap,
                 @Pattern(regexp = "https://.*", message = "a class source url must be https") String url,
                 @Valid Days administrationCountsFor, @NotBlank String ref,
                 @NotEmpty List<@NotNull @Valid Ingredient> ingredients, List<String> atc) {
    }

    record Ingredient(@NotBlank String name,
                      @NotEmpty(message = "an ingredient needs text terms (the last-resort match)") List<String> terms,
                      List<CodeSystems.@NotNull @Valid Entry> codes) {
    }

    record Product(@NotBlank String system, @NotBlank String code, String display,
                   @NotEmpty(message = "a product needs its ingredients") List<String> ingredients) {
    }

    static DrugCatalog load(YamlFile f, File doc, TextUses texts) {
        CodeSystems systems = new CodeSystems(f, doc.systems());
        List<DrugClass> classes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> ingredientNames = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < doc.classes().size(); i++) {
            String at = YamlFile.at("/classes", i);
            ClassEntry c = doc.classes().get(i);
            if (!f.clean(at)) {
                continue;
            }
            if (!ids.add(c.id())) {
                f.problem(YamlFile.at(at, "id"), "duplicate class id " + c.id());
            }
            classes.add(drugClass(f, at, c, systems, names));
            texts.use(f, YamlFile.at(at, "effect"), c.effect());
            texts.use(f, YamlFile.at(at, "frequency"), c.frequency());
            texts.use(f, YamlFile.at(at, "advice"), c.advice());
            texts.use(f, YamlFile.at(at, "gap"), c.gap());
        }
        doc.classes().stream().filter(c -> c != null && c.ingredients() != null)
                .flatMap(c -> c.ingredients().stream()).filter(in -> in != null && in.name() != null)
                .forEach(in -> ingredientNames.add(in.name()));
        List<DrugCatalog.ProductLink> products = new ArrayList<>();
        for (int i = 0; i < doc.products().size(); i++) {
            String at = YamlFile.at("/products", i);
            Product p = doc.products().get(i);
            if (!f.clean(at)) {
                continue;
            }
            for (int j = 0; j < p.ingredients().size(); j++) {
                if (!ingredientNames.contains(p.ingredients().get(j))) {
                    f.problem(YamlFile.at(at, "ingredients", j), "ingredient '" + p.ingredients().get(j)
                            + "' is in no class");
                }
            }
            Code code = systems.code(f, at, new CodeSystems.Entry(p.system(), p.code(), p.display(), null, null));
            if (code != null) {
                products.add(new DrugCatalog.ProductLink(code, p.display(), p.ingredients()));
            }
        }
        Exposure e = doc.exposure();
        if (!f.clean("/exposure")) {
            return null;
        }
        return new DrugCatalog(doc.version(), classes, products, new DrugCatalog.Exposure(
                e.chainAfterEnd().duration(), e.chainOpenEnded().duration(), e.administrationCountsFor().duration()));
    }

    private static DrugClass drugClass(YamlFile f, String at, ClassEntry c, CodeSystems systems, Set<String> names) {
        List<DrugClass.Ingredient> ingredients = new ArrayList<>();
        for (int i = 0; i < c.ingredients().size(); i++) {
            Ingredient in = c.ingredients().get(i);
            String where = YamlFile.at(at, "ingredients", i);
            List<Code> codes = new ArrayList<>();
            List<CodeSystems.Entry> entries = in.codes() == null ? List.of() : in.codes();
            for (int j = 0; j < entries.size(); j++) {
                Code code = systems.code(f, YamlFile.at(where, "codes", j), entries.get(j));
                if (code != null) {
                    codes.add(code);
                }
            }
            if (!names.add(in.name())) {
                f.problem(YamlFile.at(where, "name"), "ingredient '" + in.name() + "' is in two classes");
            }
            ingredients.add(new DrugClass.Ingredient(in.name(), codes, in.terms()));
        }
        List<Code> atc = c.atc() == null ? List.of() : c.atc().stream().map(a -> new Code(ATC, a, null)).toList();
        return new DrugClass(c.id(), c.label(), c.role(), c.generalKnowledge(), c.effect(), c.frequency(),
                c.advice(), ingredients, atc, c.ref(), c.gap(), c.url(),
                c.administrationCountsFor() == null ? null : c.administrationCountsFor().duration());
    }
}
