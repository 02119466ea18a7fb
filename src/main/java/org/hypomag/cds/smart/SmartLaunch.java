package org.hypomag.cds.smart;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.hypomag.cds.security.RequestAudience;
import org.hypomag.cds.security.SecurityProperties;

/**
 * The absolute launch URL of the trend app that cards link to (CDS Hooks 2.0.1 Link {@code type: smart}).
 * In this order: {@code cds.smart.launch-url}; {@code cds.security.public-base-url} + {@code /smart/launch.html}
 * (the URL the EHR already calls this service under); in demo mode only, the calling request's own scheme, host
 * and port (demo mode answers loopback Host names only); otherwise none, and the cards carry no link. Never
 * derived from the Host header in JWT mode, so a caller cannot point the link elsewhere.
 */
public final class SmartLaunch {

    static final String LAUNCH_PATH = "/smart/launch.html";

    private final boolean enabled;
    private final String configured;
    private final boolean demo;

    SmartLaunch(SmartProperties smart, SecurityProperties security) {
        this.enabled = smart.enabled();
        this.demo = security.mode() == SecurityProperties.Mode.DEMO;
        if (smart.launchUrl() != null) {
            this.configured = smart.launchUrl();
        } else if (security.publicBaseUrl() != null) {
            this.configured = security.publicBaseUrl() + LAUNCH_PATH;
        } else {
            this.configured = null;
        }
    }

    /** Whether cards carry the link at all ({@code cds.smart.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** The launch URL for cards answered to this request; empty when disabled or not derivable. */
    public Optional<String> urlFor(HttpServletRequest request) {
        if (!enabled) {
            return Optional.empty();
        }
        if (configured != null) {
            return Optional.of(configured);
        }
        if (!demo || request == null) {
            return Optional.empty();
        }
        return Optional.of(RequestAudience.ownBase(request) + LAUNCH_PATH);
    }
}
