package org.hypomag.cds.cdshooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The services this server offers, by id; discovery is built from the same descriptors. */
@Component
class CdsServiceRegistry {

    private final Map<String, CdsService> byId = new LinkedHashMap<>();

    CdsServiceRegistry(List<CdsService> services) {
        services.stream()
                .sorted((a, b) -> order(a) - order(b))
                .forEach(s -> byId.put(s.id(), s));
    }

    private static int order(CdsService s) {
        return switch (s.descriptor().hook()) {
            case "patient-view" -> 0;
            case "order-select" -> 1;
            default -> 2;
        };
    }

    CdsService find(String id) {
        CdsService service = byId.get(id);
        if (service == null) {
            throw CdsProblem.notFound("CDS-404-SERVICE", "No CDS service with id '" + safe(id) + "'");
        }
        return service;
    }

    List<ServiceDescriptor> descriptors() {
        return byId.values().stream().map(CdsService::descriptor).toList();
    }

    /** Echo an id back only when it looks like one (no markup, bounded length). */
    static String safe(String id) {
        return id != null && id.matches("[A-Za-z0-9._-]{1,64}") ? id : "(invalid)";
    }
}
