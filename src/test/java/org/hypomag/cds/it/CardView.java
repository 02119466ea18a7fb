package org.hypomag.cds.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What must be equal between two answers for the same patient: indicator, summary, and each suggestion's label
 * and actions (type and resource). Uuids (card, suggestion, ids inside resources) and creation timestamps
 * ({@code authoredOn}, {@code meta}) differ per call by design and are left out.
 */
record CardView(String indicator, String summary, List<String> suggestions) {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> PER_CALL_FIELDS = Set.of("id", "authoredOn", "meta");

    /** The cards of a hook response, in a stable order (the service may fetch in parallel). */
    static List<CardView> of(JsonNode response) {
        List<CardView> views = new ArrayList<>();
        for (JsonNode card : response.path("cards")) {
            List<String> suggestions = new ArrayList<>();
            for (JsonNode s : card.path("suggestions")) {
                StringBuilder b = new StringBuilder(s.path("label").asString());
                for (JsonNode a : s.path("actions")) {
                    b.append(" | ").append(a.path("type").asString()).append(' ').append(resource(a.path("resource")));
                }
                suggestions.add(b.toString());
            }
            views.add(new CardView(card.path("indicator").asString(), card.path("summary").asString(),
                    List.copyOf(suggestions)));
        }
        views.sort(Comparator.comparing(CardView::toString));
        return List.copyOf(views);
    }

    /** Every suggested resource in a hook response (create/update actions), as JSON objects. */
    static List<JsonNode> suggestedResources(JsonNode response) {
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode card : response.path("cards")) {
            for (JsonNode s : card.path("suggestions")) {
                for (JsonNode a : s.path("actions")) {
                    if (a.path("resource").isObject()) {
                        resources.add(a.path("resource"));
                    }
                }
            }
        }
        return resources;
    }

    private static String resource(JsonNode resource) {
        if (!resource.isObject()) {
            return "";
        }
        ObjectNode copy = (ObjectNode) resource.deepCopy();
        PER_CALL_FIELDS.forEach(copy::remove);
        return UUID.matcher(copy.toString()).replaceAll("<uuid>");
    }
}
