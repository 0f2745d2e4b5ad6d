package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code describe object <kind/scope/id>}: every setting of one cluster object, desired and on the server. */
@Extension
@Command(name = "describe object", description = "Show one cluster object (job, HA, firewall, SDN, access) from the local state",
        footer = {"describe object backup-job/daily", "describe object firewall-rules/vm/101", "describe object user/alice@pve --json"})
@AssistantTool(Safety.READ)
public class DescribeObjectCommand extends ResourceCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<object>", completionCandidates = Labels.class,
            description = "the object as list objects names it: kind[/scope]/id (backup-job/daily, firewall-options/vm/101)")
    String target;

    /**
     * One setting.
     *
     * @param desired  the project's value ({@code ""} when unset)
     * @param observed the server's value ({@code ""} when unset)
     */
    public record Setting(String key, String desired, String observed) {}

    /** The result. */
    public record Result(String kind, String scope, String id, boolean onServer, boolean inProject, List<Setting> settings) {}

    /** Labels of the objects in the local state, for Tab. */
    public static final class Labels implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            TreeSet<String> out = new TreeSet<>();
            ctx.state().infrastructure(StateKind.DESIRED).objects().stream().filter(o -> !o.readOnly()).forEach(o -> out.add(o.label()));
            ctx.state().infrastructure(StateKind.OBSERVED).objects().stream().filter(o -> !o.readOnly()).forEach(o -> out.add(o.label()));
            return List.copyOf(out);
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Inventory desired = ctx.state().infrastructure(StateKind.DESIRED);
        Inventory observed = ctx.state().infrastructure(StateKind.OBSERVED);
        Optional<ClusterObject> d = find(desired);
        Optional<ClusterObject> o = find(observed);
        ClusterObject any = d.or(() -> o).orElseThrow(() -> new CommandException("no object " + target
                + " in the local state; 'list objects' shows them (run /sync to read the server)"));
        TreeSet<String> keys = new TreeSet<>(d.map(ClusterObject::config).orElse(java.util.Map.of()).keySet());
        keys.addAll(o.map(ClusterObject::config).orElse(java.util.Map.of()).keySet());
        List<Setting> settings = new ArrayList<>();
        for (String k : keys) {
            settings.add(new Setting(k, d.map(x -> x.value(k)).orElse(""), o.map(x -> x.value(k)).orElse("")));
        }
        Result r = new Result(any.kind(), any.scope(), any.id(), o.isPresent(), d.isPresent(), settings);
        if (json(ctx)) {
            ctx.console().json(r);
        } else {
            ctx.console().info(any.label() + (o.isEmpty() ? " (not on the server yet)" : d.isEmpty() ? " (the project deletes it)" : ""));
            ctx.console().table(new Table(List.of("SETTING", "PROJECT", "SERVER"), settings.stream()
                    .map(s -> List.of(s.key(), s.desired(), s.desired().equals(s.observed()) ? "" : s.observed().isEmpty() ? "(unset)" : s.observed()))
                    .toList()));
        }
        return CommandResult.ok();
    }

    private Optional<ClusterObject> find(Inventory inv) {
        return inv.objects().stream().filter(o -> !o.readOnly() && o.label().equals(target)).findFirst();
    }
}
