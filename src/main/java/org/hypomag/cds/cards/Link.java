package org.hypomag.cds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A card link; this service only emits {@code absolute} links. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type, String appContext, Boolean autolaunchable) {

    public Link {
        Coding.requireText(label, "link.label");
        Coding.requireText(url, "link.url");
        if (!"absolute".equals(type) && !"smart".equals(type)) {
            throw new IllegalArgumentException("link.type must be absolute or smart");
        }
        if (appContext != null && !"smart".equals(type)) {
            throw new IllegalArgumentException("appContext only with smart links");
        }
    }

    public static Link absolute(String label, String url) {
        return new Link(label, url, "absolute", null, null);
    }
}
