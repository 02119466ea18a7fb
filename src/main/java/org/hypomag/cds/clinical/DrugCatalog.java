package org.hypomag.cds.clinical;

import java.util.List;
import java.util.Optional;

/**
 * The drug catalog: classes and the product -> ingredient table (RxNorm SCD/SBD, SNOMED products of
 * terminology.md §B3/§B4) so a product code finds its class.
 */
public record DrugCatalog(String version, List<DrugClass> classes, List<ProductLink> products) {

    public DrugCatalog {
        classes = List.copyOf(classes);
        products = List.copyOf(products);
    }

    public Optional<DrugClass> byId(String id) {
        return classes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A product code and the ingredient name (as in {@link DrugClass.Ingredient#name()}) it contains. */
    public record ProductLink(Code product, String display, List<String> ingredients) {
        public ProductLink {
            ingredients = List.copyOf(ingredients);
        }
    }
}
