package dev.proxmoxmpc.plugin.docs;

import dev.proxmoxmpc.plugin.docs.diagram.BootSequence;
import dev.proxmoxmpc.plugin.docs.diagram.Diagram;
import dev.proxmoxmpc.plugin.docs.diagram.StorageMap;
import dev.proxmoxmpc.plugin.docs.diagram.Topology;
import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.models.DocModels;
import dev.proxmoxmpc.plugin.docs.models.RunbookModels;
import dev.proxmoxmpc.plugin.docs.models.ScriptModels;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Generates {@code docs/} (architecture.md, inventory.md and .csv, Mermaid diagrams, runbooks) and {@code scripts/}
 * (backup.sh, restore.sh, monitoring.sh and their lib/pve-api.sh) from the desired inventory. Every file comes from
 * a template under {@code templates/docs/} (overridable in the project's .proxmox/templates/docs/). Pure and
 * deterministic: the model holds configuration only, never live usage, so an unchanged cluster rewrites nothing.
 */
@Extension
public class DocsGenerator implements Generator {
    /** The generator id and the key of its options in config.yml. */
    public static final String ID = "docs";
    /** The script files, under scripts/, in the order they are generated. */
    public static final List<String> SCRIPTS = List.of("lib/pve-api.sh", "backup.sh", "restore.sh", "monitoring.sh");

    public DocsGenerator() {
        // PF4J needs a public no-arg constructor
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        DocsOptions options = DocsOptions.from(request.options());
        ClusterFacts facts = ClusterFacts.of(request.desired(), request.observed());
        int cap = options.maxGuestsPerDiagram();
        List<GeneratedFile> files = new ArrayList<>();
        Out out = (path, template, model) ->
                files.add(new GeneratedFile(path, request.templates().render(DocsGenerator.class, template, model)));

        Topology topology = new Topology(facts, cap);
        Diagram cluster = topology.cluster();
        Map<String, Diagram> perNode = new LinkedHashMap<>();
        List<String> names = facts.nodeNames();
        List<Diagram> nodeDiagrams = topology.perNode();
        for (int i = 0; i < nodeDiagrams.size(); i++) {
            perNode.put(names.get(i), nodeDiagrams.get(i));
        }
        List<Diagram> others = List.of(new StorageMap(facts, cap).diagram(), new BootSequence(facts, cap).diagram());
        List<Diagram> all = new ArrayList<>();
        all.add(cluster);
        all.addAll(nodeDiagrams);
        all.addAll(others);
        for (Diagram d : all) {
            out.file("docs/" + d.path(), "docs/diagram.mmd", Map.of("title", d.title(), "text", d.text()));
        }

        DocModels docs = new DocModels(facts, request.environment(), request.endpoint());
        out.file("docs/architecture.md", "docs/architecture.md", docs.architecture(cluster, perNode, others, RunbookModels.RUNBOOKS, cap));
        out.file("docs/inventory.md", "docs/inventory.md", docs.inventory());
        out.file("docs/inventory.csv", "docs/inventory.csv", docs.csv());

        Map<String, Object> runbook = new RunbookModels(facts, request.environment()).model();
        Map<String, Object> index = new LinkedHashMap<>(runbook);
        List<Map<String, String>> list = new ArrayList<>();
        RunbookModels.RUNBOOKS.forEach((file, title) -> list.add(Map.of("file", file, "title", title)));
        index.put("runbooks", list);
        out.file("docs/runbooks/README.md", "docs/runbooks/README.md", index);
        for (String file : RunbookModels.RUNBOOKS.keySet()) {
            out.file("docs/runbooks/" + file, "docs/runbooks/" + file, runbook);
        }

        Map<String, Object> scripts = ScriptModels.model(facts, request.environment(), request.endpoint(), options);
        for (String script : SCRIPTS) {
            out.file("scripts/" + script, "docs/scripts/" + script, scripts);
        }
        return new GenerationResult(files, options.diagnostics());
    }

    @FunctionalInterface
    private interface Out {
        void file(String path, String template, Object model);
    }
}
