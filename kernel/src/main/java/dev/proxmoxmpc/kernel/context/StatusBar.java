package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the interactive console's status bar shows: the project, its current environment, how long ago it was last
 * synced and the drift that sync found. Read from the local state only (no network), so it is cheap to refresh
 * after every command. Plugins add their own items through {@link StatusItem} (the sync plugin: pending changes).
 *
 * @param project     the project directory's name, or empty when there is no project here
 * @param environment the current environment
 * @param lastSync    the last /sync, if it was of the current environment
 */
public record StatusBar(String project, String environment, Optional<SyncRun> lastSync) {
    private static final Logger LOG = LoggerFactory.getLogger(StatusBar.class);
    /** The longest a plugin's item may be. */
    static final int ITEM_MAX = 40;

    public StatusBar {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lastSync, "lastSync");
        lastSync = lastSync.filter(run -> run.environment().equals(environment));
    }

    /** @return the bar of a directory without a project. */
    public static StatusBar noProject() {
        return new StatusBar("", "", Optional.empty());
    }

    /** @return {@code proxmox-mpc | lab | env default | synced 5 min ago | drift 2, 1 conflict} */
    public String text(Instant now) {
        if (project.isEmpty()) {
            return "proxmox-mpc | no project here: /init creates one";
        }
        StringBuilder sb = new StringBuilder("proxmox-mpc | ").append(project).append(" | env ").append(environment);
        if (lastSync.isEmpty()) {
            return sb.append(" | not synced yet: /sync").toString();
        }
        SyncRun run = lastSync.get();
        sb.append(" | synced ").append(ago(run.time(), now)).append(" | ");
        sb.append(run.drifted() == 0 ? "no drift" : "drift " + run.drifted());
        if (run.conflicts() > 0) {
            sb.append(run.drifted() == 0 ? " | " : ", ").append(run.conflicts()).append(run.conflicts() == 1 ? " conflict" : " conflicts");
        }
        return sb.toString();
    }

    /**
     * @return the plugins' items, each after {@code " | "}, in the order given; an item that throws, is empty or
     *     blank is left out, line breaks become spaces and an item is cut at {@value #ITEM_MAX} characters
     */
    static String items(List<StatusItem> items, KernelContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (StatusItem item : items) {
            Optional<String> text;
            try {
                text = item.text(ctx);
            } catch (RuntimeException e) {
                LOG.debug("status item {} left out", item.getClass().getName(), e);
                continue;
            }
            String t = text.map(s -> s.replaceAll("\\s+", " ").strip()).orElse("");
            if (!t.isEmpty()) {
                sb.append(" | ").append(t.length() > ITEM_MAX ? t.substring(0, ITEM_MAX - 3) + "..." : t);
            }
        }
        return sb.toString();
    }

    /** @return {@code just now}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 days ago}. */
    public static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86400) {
            return s / 3600 + " h ago";
        }
        long days = s / 86400;
        return days + (days == 1 ? " day ago" : " days ago");
    }
}
