package dev.proxmoxmpc.plugin.simulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API tree: routes matched by method and path segments. Routes are indexed by method and segment count, each
 * bucket in registration order, so the first registered route that matches wins, as a linear search would find it.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, List<Compiled>> index = new HashMap<>();

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
        return register(new Route(method, template, h, true));
    }

    /** A route answered without authentication ({@code POST /access/ticket}). */
    public Router open(String method, String template, Handler h) {
        return register(new Route(method, template, h, false));
    }

    private Router register(Route r) {
        routes.add(r);
        Compiled c = new Compiled(r, r.template().substring(1).split("/"));
        index.computeIfAbsent(key(r.method(), c.parts.length), k -> new ArrayList<>()).add(c);
        return this;
    }

    private static String key(String method, int segments) {
        return method + " " + segments;
    }

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> vars) {
    }

    /** @return the first route matching, or {@code null}. */
    public Match find(String method, List<String> segments) {
        List<Compiled> bucket = index.get(key(method, segments.size()));
        if (bucket == null) {
            return null;
        }
        for (Compiled c : bucket) {
            Map<String, String> vars = c.match(segments);
            if (vars != null) {
                return new Match(c.route, vars);
            }
        }
        return null;
    }

    /** A route with its template split into segments once; matches exactly as {@link Route#match}. */
    private record Compiled(Route route, String[] parts) {
        Map<String, String> match(List<String> segments) {
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.startsWith("{") ? segments.get(i).isEmpty() : !p.equals(segments.get(i))) {
                    return null;
                }
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.startsWith("{")) {
                    vars.put(p.substring(1, p.length() - 1), segments.get(i));
                }
            }
            return vars;
        }
    }
}
