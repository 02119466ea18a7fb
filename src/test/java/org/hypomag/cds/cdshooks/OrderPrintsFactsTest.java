package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hypomag.cds.cards.Action;
import org.hypomag.cds.cards.ActionType;
import org.hypomag.cds.cards.OrderSamples;
import org.junit.jupiter.api.Test;

/**
 * The card ledger fingerprints a suggested order from the facts its writer gives ({@link OrderPrints#ofFacts}):
 * the very hashes it read from the order's JSON text before ({@link OrderPrints#ofResource}), for every sample
 * order (every dose-table row and dose, oral, every lab; odd ids and texts).
 */
class OrderPrintsFactsTest {

    @Test
    void everySuggestedOrder_factsGiveTheHashesOfItsJson() {
        List<Action> actions = OrderSamples.actions();
        assertThat(actions).hasSizeGreaterThan(1000);
        int coded = 0;
        for (Action a : actions) {
            assertThat(a.facts()).as(a.resource()).isNotNull();
            assertThat(OrderPrints.ofFacts(a.facts())).as(a.resource()).isEqualTo(OrderPrints.ofResource(a.resource()));
            assertThat(OrderPrints.ofAction(a)).isEqualTo(OrderPrints.ofResource(a.resource()));
            coded += OrderPrints.ofResource(a.resource()).isEmpty() ? 0 : 1;
        }
        assertThat(coded).as("IV and lab orders are coded").isGreaterThan(actions.size() / 2);
    }

    @Test
    void anActionWithoutFacts_isReadFromItsText() {
        String json = "{\"resourceType\":\"ServiceRequest\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                + "\"code\":\"19123-9\"}]}}";
        Action a = new Action(ActionType.CREATE, "Order Mg", json, null);

        assertThat(OrderPrints.ofAction(a)).isEqualTo(OrderPrints.ofResource(json)).hasSize(1);
    }
}
