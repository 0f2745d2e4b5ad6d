package dev.proxmoxmpc.plugin.monitoring.generate;

import java.util.List;
import java.util.Locale;

/**
 * {@code monitoring/prometheus/rules/proxmox.rules.yml}: alerts over metrics prometheus-pve-exporter really exports
 * ({@code pve_up}, {@code pve_cluster_info}'s {@code quorate} label, {@code pve_disk_usage_bytes} and
 * {@code pve_disk_size_bytes}, {@code pve_memory_*}, {@code pve_cpu_usage_ratio}, {@code pve_ha_state},
 * {@code pve_onboot_status}, {@code pve_not_backed_up_total}, {@code pve_replication_failed_syncs}) and Prometheus'
 * own {@code up}. The exporter has no backup-age, failed-task or certificate metric: those are {@code health}'s.
 */
final class AlertRules {
    static final String PATH = "monitoring/prometheus/rules/proxmox.rules.yml";

    /** One alerting rule. */
    record Rule(String alert, String expr, String forDuration, String severity, String summary, String description) {}

    private AlertRules() {
    }

    static List<Rule> rules(double storageWarn, double storageCritical) {
        String used = "pve_disk_usage_bytes{id=~\"storage/.+\"} / pve_disk_size_bytes{id=~\"storage/.+\"}";
        return List.of(
                new Rule("PveExporterDown", "up{job=~\"pve-.+\"} == 0", "5m", "critical",
                        "The Proxmox VE exporter cannot be scraped for {{ $labels.instance }}",
                        "Prometheus has no Proxmox VE metrics from {{ $labels.instance }}: every other pve alert is blind."),
                new Rule("PveNodeDown", "pve_up{id=~\"node/.+\"} == 0", "2m", "critical",
                        "Proxmox VE node {{ $labels.id }} is offline",
                        "The cluster reports {{ $labels.id }} offline; its guests are not running or not reachable."),
                new Rule("PveClusterNotQuorate", "pve_cluster_info{quorate=\"0\"}", "1m", "critical",
                        "Cluster {{ $labels.id }} has lost quorum",
                        "Without quorum /etc/pve is read-only: no guest can be started, stopped or changed."),
                new Rule("PveOnbootGuestDown", "pve_up{id=~\"(qemu|lxc)/.+\"} == 0 and on(id) pve_onboot_status == 1", "10m",
                        "warning", "Guest {{ $labels.id }} should run (onboot) but does not",
                        "A guest configured to start at boot has been stopped for 10 minutes."),
                new Rule("PveStorageFull", used + " > " + fraction(storageCritical), "15m", "critical",
                        "Storage {{ $labels.id }} is " + percent(storageCritical) + " full",
                        "Free space on {{ $labels.id }} is running out: guests writing to it will fail."),
                new Rule("PveStorageFilling", used + " > " + fraction(storageWarn), "30m", "warning",
                        "Storage {{ $labels.id }} is " + percent(storageWarn) + " full",
                        "Plan more space or clean up {{ $labels.id }}."),
                new Rule("PveNodeMemoryHigh", "pve_memory_usage_bytes{id=~\"node/.+\"} / pve_memory_size_bytes{id=~\"node/.+\"} > 0.9",
                        "15m", "warning", "Node {{ $labels.id }} uses over 90% of its memory",
                        "Guests may be ballooned down or the OOM killer may act; see proxmox-mpc rightsize."),
                new Rule("PveGuestCpuSaturated", "pve_cpu_usage_ratio{id=~\"(qemu|lxc)/.+\"} > 0.9", "30m", "warning",
                        "Guest {{ $labels.id }} uses over 90% of its CPUs",
                        "The guest is CPU bound; proxmox-mpc rightsize recommends more cores."),
                new Rule("PveGuestMemorySaturated", "pve_memory_usage_bytes{id=~\"lxc/.+\"} / pve_memory_size_bytes{id=~\"lxc/.+\"} > 0.95",
                        "30m", "warning", "Container {{ $labels.id }} uses over 95% of its memory",
                        "Containers only: a VM's figure can be the host's view (no balloon driver), not the guest's need."),
                new Rule("PveHaServiceError", "pve_ha_state{state=~\"error|fence\"} == 1", "1m", "critical",
                        "HA resource {{ $labels.id }} is in state {{ $labels.state }}",
                        "The HA manager could not keep {{ $labels.id }} running; it needs a person."),
                new Rule("PveGuestsNotBackedUp", "pve_not_backed_up_total > 0", "1h", "warning",
                        "{{ $value }} guests are in no backup job",
                        "Add them to a backup job (Datacenter > Backup). Backup age is checked by proxmox-mpc health."),
                new Rule("PveReplicationFailing", "pve_replication_failed_syncs > 0", "30m", "warning",
                        "Replication job {{ $labels.id }} is failing", "Storage replication has failed syncs."),
                new Rule("NodeExporterDown", "up{job=\"node-exporter\"} == 0", "5m", "warning",
                        "node_exporter on {{ $labels.instance }} does not answer",
                        "The guest is down or its node_exporter stopped."));
    }

    static String render(double storageWarn, double storageCritical) {
        StringBuilder b = new StringBuilder();
        b.append("# Generated by proxmox-mpc (monitoring plugin). Thresholds: generators.monitoring.health in .proxmox/config.yml.\n")
                .append("# Not here (the exporter has no such metric): backup age, failed tasks, certificate expiry;\n")
                .append("# run `proxmox-mpc health --nagios` from your monitoring system for those.\n")
                .append("groups:\n")
                .append("  - name: proxmox-ve\n")
                .append("    rules:\n");
        for (Rule r : rules(storageWarn, storageCritical)) {
            b.append("      - alert: ").append(r.alert()).append('\n')
                    .append("        expr: ").append(Yaml.quote(r.expr())).append('\n')
                    .append("        for: ").append(r.forDuration()).append('\n')
                    .append("        labels:\n")
                    .append("          severity: ").append(r.severity()).append('\n')
                    .append("        annotations:\n")
                    .append("          summary: ").append(Yaml.quote(r.summary())).append('\n')
                    .append("          description: ").append(Yaml.quote(r.description())).append('\n');
        }
        return b.toString();
    }

    private static String fraction(double f) {
        return String.format(Locale.ROOT, "%.2f", f);
    }

    private static String percent(double f) {
        return Math.round(f * 100) + "%";
    }
}
