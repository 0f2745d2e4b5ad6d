package dev.proxmoxmpc.plugin.mcp.server;

import java.util.List;
import java.util.Map;

/** The prompts an assistant offers its user: starting points that lead through the tools in the right order. */
public final class Prompts {
    private Prompts() {
    }

    /** One prompt: its name, description, arguments (name to description; required ones first) and text. */
    public record Prompt(String name, String description, Map<String, String> arguments, List<String> required) {}

    public static List<Prompt> all() {
        return List.of(
                new Prompt("import_my_cluster", "Import the cluster into this project and explain what it holds",
                        Map.of(), List.of()),
                new Prompt("why_did_this_drift", "Explain why a guest (or the whole cluster) drifted from the code",
                        Map.of("guest", "a VMID or guest name; empty for all"), List.of()),
                new Prompt("rightsize_this_pool", "Propose right-sized CPU and memory for the guests of a pool",
                        Map.of("pool", "the pool's name"), List.of("pool")));
    }

    /** @return the user message for a prompt and its arguments */
    public static String text(String name, Map<String, Object> args) {
        return switch (name) {
            case "import_my_cluster" -> """
                    Import my Proxmox VE cluster into this proxmox-mpc project. The import itself is a person's step: \
                    ask me to run `proxmox-mpc -c '/sync'` in the project if the status tool reports no sync yet. \
                    Then use the status, list_vms and list_containers tools to summarise what runs where (nodes, \
                    guests, pools, storage), read the generated docs/architecture.md resource, and point out \
                    anything unusual (stopped guests, drift, guests without a pool or tags).""";
            case "why_did_this_drift" -> {
                Object guest = args == null ? null : args.get("guest");
                String which = guest == null || guest.toString().isBlank() ? "the cluster" : "guest " + guest;
                yield "Explain why " + which + " drifted from the project's code. Call the diff tool (and describe_vm "
                        + "or describe_container for one guest) to see desired against observed values, then the "
                        + "history tool for recent syncs and applies. Say for each difference whether the server or "
                        + "the code changed, and what I should do: keep the server's value (update the desired "
                        + "state) or apply the code's. Change nothing yourself.";
            }
            case "rightsize_this_pool" -> {
                Object pool = args == null ? null : args.get("pool");
                yield "Right-size the guests of pool " + pool + ". Call the rightsize tool for its recommendations "
                        + "and the top tool for current use, list the guests of the pool, and propose new cores and "
                        + "memory per guest with the reason. If I agree, use the scale tools to change the desired "
                        + "state and show me the resulting plan; never apply it yourself.";
            }
            default -> throw new IllegalArgumentException("no prompt '" + name + "'");
        };
    }
}
