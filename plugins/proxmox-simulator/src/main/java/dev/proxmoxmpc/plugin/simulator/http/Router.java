package dev.proxmoxmpc.plugin.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API tree: routes matched by method and path segments. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Handler h) {
        return add("GET", template, h);
    }

    public Router post(String template, Handler h) {
        return add("POST", template, h);
    }

    public Router put(String template, Handler h) {
        return add("PUT", template, h);
    }

    public Router delete(String template, Handler h) {
        return add("DELETE", template, h);
    }

    public Router add(String method, String template, Handler h) {
        routes.add(new Route(method, template, h, true));
        return this;
    }

    /** A route answered without authentication ({@code POST /access/ticket}). */
    public Router open(String method, String template, Handler h) {
        routes.add(new Route(method, template, h, false));
        return this;
    }

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> vars) {
    }

    /** @return the first route matching, or {@code null}. */
    public Match find(String method, List<String> segments) {
        for (Route r : routes) {
            if (r.method().equals(method)) {
                Map<String, String> vars = r.match(segments);
                if (vars != null) {
                    return new Match(r, vars);
                }
            }
        }
        return null;
    }
}
