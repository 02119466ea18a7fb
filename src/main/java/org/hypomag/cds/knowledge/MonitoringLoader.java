package org.hypomag.cds.knowledge;

import java.math.BigDecimal;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.Orderables;

/** knowledge/monitoring.yaml: orderable lab codes and the 6-12 h re-check window (D8). */
final class MonitoringLoader {

    private MonitoringLoader() {
    }

    static Orderables load(Yml root) {
        Yml window = root.req("mgAfterInfusion");
        window.reqStr("ref");
        Yml hours = window.req("hours");
        DoseTableLoader.unit(hours, "h");
        BigDecimal min = hours.reqDec("min");
        BigDecimal max = hours.reqDec("max");
        Yml o = root.req("orderables");
        Code mg = code(o.req("magnesium"));
        Code k = code(o.req("potassium"));
        Code ca = code(o.req("calcium"));
        Code cr = code(o.req("creatinine"));
        if (min == null || max == null || mg == null || k == null || ca == null || cr == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            hours.problem("min must not exceed max");
        }
        return new Orderables(mg, k, ca, cr, min.intValue(), max.intValue());
    }

    private static Code code(Yml y) {
        if (!y.present()) {
            return null;
        }
        String system = y.reqStr("system");
        String code = y.reqStr("code");
        String display = y.reqStr("display");
        y.reqStr("ref");
        return system == null || code == null ? null : new Code(system, code, display);
    }
}
