package dev.proxmoxmpc.plugin.resources.check;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Confirms that the ISO image or container template a command names ({@code --iso}, {@code --ostemplate}) is on its
 * storage on the guest's node. A {@link ReadPolicy#CACHED} listing that holds it is enough; one that lacks it is
 * asked again {@link ReadPolicy#LIVE} (the file may have been uploaded since), so a cache never refuses a file that
 * is there. When the server cannot be asked the command goes on with one warning: /apply fails then if the file is
 * missing.
 */
public final class Volumes {
    /** How many file names a refusal lists before it only counts the rest. */
    static final int LISTED = 8;
    private final KernelContext ctx;

    public Volumes(KernelContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Blocks on the network (at most two listings).
     *
     * @param volid   the volume ({@code local:iso/debian-12.8.0-amd64-netinst.iso}); its storage already checked
     * @param content its content type ({@code iso}, {@code vztmpl})
     * @param node    the node the guest is (or will be) on
     * @throws CommandException when the server lists the storage without it
     */
    public void require(String volid, String content, String node) {
        Volume wanted = new Volume(volid, content, "", 0, 0, Instant.EPOCH);
        Optional<List<Volume>> missingFrom;
        try (ProviderSession session = ctx.connect()) {
            missingFrom = missing(session, wanted, node);
        } catch (CommandException | ProviderException e) {
            ctx.console().warn("could not check that " + volid + " is on storage " + wanted.storage() + " (node " + node
                    + "): " + e.getMessage() + "; /apply will fail if it is missing");
            return;
        }
        if (missingFrom.isPresent()) {
            throw refusal(wanted, node, missingFrom.get());
        }
    }

    /** @return empty when {@code wanted} is there, else the live listing that lacks it. */
    private static Optional<List<Volume>> missing(ProviderSession session, Volume wanted, String node) {
        if (holds(session.volumes(node, wanted.storage(), wanted.content(), ReadPolicy.CACHED), wanted)) {
            return Optional.empty();
        }
        List<Volume> live = session.volumes(node, wanted.storage(), wanted.content(), ReadPolicy.LIVE);
        return holds(live, wanted) ? Optional.empty() : Optional.of(live);
    }

    private static boolean holds(List<Volume> volumes, Volume wanted) {
        return volumes.stream().anyMatch(v -> v.volid().equals(wanted.volid()));
    }

    /** @return one line: where it is not, what is there instead (a close name first), how to get it there. */
    private static CommandException refusal(Volume wanted, String node, List<Volume> there) {
        List<String> files = there.stream().map(Volume::file).distinct().sorted().toList();
        String listed = files.isEmpty() ? "none" : String.join(", ", files.subList(0, Math.min(LISTED, files.size())))
                + (files.size() > LISTED ? " and " + (files.size() - LISTED) + " more" : "");
        return new CommandException(wanted.volid() + " is not on storage " + wanted.storage() + " (node " + node + "); "
                + label(wanted.content()) + " there: " + listed + StateChecks.hint(wanted.file(), files) + "; "
                + remedy(wanted, node));
    }

    private static String label(String content) {
        return switch (content) {
            case "iso" -> "ISO images";
            case "vztmpl" -> "container templates";
            default -> content + " volumes";
        };
    }

    private static String remedy(Volume wanted, String node) {
        return wanted.content().equals("vztmpl")
                ? "download it first (on " + node + ": pveam download " + wanted.storage() + " " + wanted.file()
                        + ", or the web UI's CT Templates)"
                : "upload it first (web UI: " + node + " > " + wanted.storage() + " > ISO Images > Upload or Download from URL)";
    }
}
