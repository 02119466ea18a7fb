package org.hypomag.cds.analytics;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /analytics}: the page (static/analytics/index.html, its own script and styles, no CDN). The page
 * holds no figures; it reads them from {@code /analytics/cards.json}, sending the admin token the user typed
 * (kept in the tab's sessionStorage) in JWT mode. Filters live in the URL, so a view can be shared.
 */
@Controller
class AnalyticsPage {

    @GetMapping("/analytics")
    String page() {
        return "forward:/analytics/index.html";
    }
}
