package dev.proxmoxmpc.plugin.docs.models;

import dev.proxmoxmpc.plugin.docs.DocsOptions;
import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.text.Sh;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Template model of the scripts: values go in as complete shell words or parameter expansions, comments are
 * single-line. No secret is ever part of it: only the name of the variable that holds it.
 */
public final class ScriptModels {
    private ScriptModels() {
    }

    /** @return the variable holding the environment's token secret ({@code PROXMOX_MPC_DEFAULT_SECRET}). */
    public static String secretVariable(String environment) {
        return "PROXMOX_MPC_" + environment.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    public static Map<String, Object> model(ClusterFacts facts, String environment, String endpoint, DocsOptions options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", comment(facts.name()));
        String url = endpoint.replaceAll("/+$", "");
        m.put("endpoint", url.isEmpty() ? "''" : Sh.quote(url));
        m.put("endpointComment", url.isEmpty() ? "none: set it" : comment(url));
        String secret = secretVariable(environment);
        m.put("secretVariable", secret);
        m.put("secretValue", "${" + secret + ":-}");
        m.put("pinnedPublicKey", options.pinnedPublicKey().isEmpty() ? "''" : Sh.quote(options.pinnedPublicKey()));
        m.put("backupStorage", options.backupStorage().isEmpty() ? "''" : Sh.quote(options.backupStorage()));
        m.put("storageWarn", options.storageWarn());
        m.put("storageCrit", options.storageCrit());
        m.put("exampleGuest", facts.example().map(g -> Sh.quote(g.label())).orElse("web-01"));
        return m;
    }

    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
