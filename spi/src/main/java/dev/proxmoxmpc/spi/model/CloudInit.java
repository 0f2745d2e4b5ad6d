package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The cloud-init settings of a VM, read from its config ({@code ciuser}, {@code cipassword}, {@code sshkeys},
 * {@code nameserver}, {@code searchdomain}, {@code citype}, {@code cicustom}, {@code ciupgrade}, {@code ipconfigN}).
 *
 * @param user          {@code ciuser} or {@code ""}
 * @param passwordSet   whether {@code cipassword} is set (PVE only ever returns it masked)
 * @param sshKeysRaw    {@code sshkeys} as stored (URL-encoded), or {@code ""}
 * @param nameserver    {@code nameserver} or {@code ""}
 * @param searchdomain  {@code searchdomain} or {@code ""}
 * @param type          {@code citype} ({@code nocloud}, {@code configdrive2}, {@code opennebula}) or {@code ""}
 * @param custom        {@code cicustom} ({@code user=local:snippets/u.yaml,...}) or {@code ""}
 * @param upgrade       {@code ciupgrade} as stored or {@code ""}
 * @param ipConfigs     the {@code ipconfigN} settings by index
 */
@API(status = STABLE, since = "1.0")
public record CloudInit(String user, boolean passwordSet, String sshKeysRaw, String nameserver, String searchdomain,
                        String type, String custom, String upgrade, List<IpConfig> ipConfigs) {

    public CloudInit {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sshKeysRaw, "sshKeysRaw");
        Objects.requireNonNull(nameserver, "nameserver");
        Objects.requireNonNull(searchdomain, "searchdomain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(custom, "custom");
        Objects.requireNonNull(upgrade, "upgrade");
        ipConfigs = List.copyOf(ipConfigs);
    }

    /** @return the cloud-init settings found in {@code config} (all empty when none are set). */
    public static CloudInit of(java.util.Map<String, String> config) {
        List<IpConfig> ips = new ArrayList<>();
        config.forEach((k, v) -> {
            if (k.matches("ipconfig\\d+")) {
                ips.add(new IpConfig(Integer.parseInt(k.substring(8)), PropertyString.parse(v)));
            }
        });
        ips.sort(java.util.Comparator.comparingInt(IpConfig::index));
        return new CloudInit(config.getOrDefault("ciuser", ""), !config.getOrDefault("cipassword", "").isEmpty(),
                config.getOrDefault("sshkeys", ""), config.getOrDefault("nameserver", ""),
                config.getOrDefault("searchdomain", ""), config.getOrDefault("citype", ""),
                config.getOrDefault("cicustom", ""), config.getOrDefault("ciupgrade", ""), ips);
    }

    /** @return whether any cloud-init setting is present. */
    public boolean configured() {
        return !user.isEmpty() || passwordSet || !sshKeysRaw.isEmpty() || !nameserver.isEmpty() || !searchdomain.isEmpty()
                || !type.isEmpty() || !custom.isEmpty() || !ipConfigs.isEmpty();
    }

    /** @return the SSH public keys, one per entry, URL-decoded ({@code %20} -> space), blank lines dropped. */
    public List<String> sshKeys() {
        if (sshKeysRaw.isEmpty()) {
            return List.of();
        }
        String decoded = URLDecoder.decode(sshKeysRaw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
