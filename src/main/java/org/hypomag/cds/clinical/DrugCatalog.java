package org.hypomag.cds.clinical;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The drug catalog: classes and the product -> ingredient table (RxNorm SCD/SBD, SNOMED products of
 * terminology.md §B3/§B4) so a product code finds its class, and the D22 exposure numbers.
 */
public record DrugCatalog(String version, List<DrugClass> classes, List<ProductLink> products, Exposure exposure) {

    public DrugCatalog {
        classes = List.copyOf(classes);
        products = List.copyOf(products);
        exposure = java.util.Objects.requireNonNull(exposure, "exposure");
    }

    public Optional<DrugClass> byId(String id) {
        return classes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** How long an administration of this class counts as exposure after it ends. */
    public Duration administrationCountsFor(DrugClass cls) {
        return cls.administrationCountsFor() != null ? cls.administrationCountsFor()
                : exposure.administrationCountsFor();
    }

    /**
     * D22: the exposure chain. A prescription/statement continues the chain when it starts within
     * {@code afterEnd} after the previous one ends or, when that one has no end, within {@code openEnded}
     * after it started. {@code administrationCountsFor}: the default for an administration (a choice).
     */
    public record Exposure(Duration afterEnd, Duration openEnded, Duration administrationCountsFor) {
    }

    /** A product code and the ingredient name (as in {@link DrugClass.Ingredient#name()}) it contains. */
    public record ProductLink(Code product, String display, List<String> ingredients) {
        public ProductLink {
            ingredients = List.copyOf(ingredients);
        }
    }
}
