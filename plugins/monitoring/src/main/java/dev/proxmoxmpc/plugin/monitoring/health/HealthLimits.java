package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import java.time.Duration;

/**
 * Thresholds of {@code health}, from {@code generators.monitoring.health} in config.yml.
 *
 * @param storageWarn      storage use (fraction) from which a storage is a warning; default 0.80
 * @param storageCritical  storage use from which it is critical; default 0.90
 * @param backupMaxAge     a guest whose newest backup is older is a warning; default 48 hours
 * @param certWarn         a certificate expiring sooner is a warning; default 30 days
 * @param certCritical     a certificate expiring sooner (or expired) is critical; default 7 days
 * @param taskWindow       failed tasks that ended within this window are warnings; default 24 hours
 * @param guestCpu         a running guest using this fraction of its CPUs or more is a warning; default 0.90
 * @param guestMemory      a running guest using this fraction of its memory or more is a warning; default 0.95
 */
public record HealthLimits(double storageWarn, double storageCritical, Duration backupMaxAge, Duration certWarn,
                           Duration certCritical, Duration taskWindow, double guestCpu, double guestMemory) {

    /** @return the defaults, overridden by {@code storage_warn_percent}, {@code storage_critical_percent},
     *     {@code backup_max_age_hours}, {@code certificate_warn_days}, {@code certificate_critical_days},
     *     {@code failed_task_window_hours}, {@code guest_cpu_warn_percent}, {@code guest_memory_warn_percent} */
    public static HealthLimits from(Settings health) {
        return new HealthLimits(health.number("storage_warn_percent", 80) / 100,
                health.number("storage_critical_percent", 90) / 100,
                Duration.ofMinutes(Math.round(health.number("backup_max_age_hours", 48) * 60)),
                Duration.ofHours(Math.round(health.number("certificate_warn_days", 30) * 24)),
                Duration.ofHours(Math.round(health.number("certificate_critical_days", 7) * 24)),
                Duration.ofMinutes(Math.round(health.number("failed_task_window_hours", 24) * 60)),
                health.number("guest_cpu_warn_percent", 90) / 100, health.number("guest_memory_warn_percent", 95) / 100);
    }
}
