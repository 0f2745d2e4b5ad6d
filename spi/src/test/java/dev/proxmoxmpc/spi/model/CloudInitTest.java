package dev.proxmoxmpc.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudInitTest {

    @Test
    void readsTheCloudInitKeysOfAVmConfig() {
        VirtualMachine vm = new VirtualMachine(100, "pve1", "", PowerState.RUNNING, Map.of(
                "ciuser", "admin", "cipassword", "**********", "nameserver", "10.0.0.53", "searchdomain", "lab.example.com",
                "sshkeys", "ssh-ed25519%20AAAAC3Nza%20admin%40example.com%0Assh-rsa%20AAAAB3%20ops%0A",
                "ipconfig1", "ip=dhcp,ip6=auto", "ipconfig0", "ip=10.0.0.101/24,gw=10.0.0.1"), GuestRuntime.NONE);
        CloudInit ci = vm.cloudInit();
        assertThat(ci.configured()).isTrue();
        assertThat(ci.user()).isEqualTo("admin");
        assertThat(ci.passwordSet()).isTrue();
        assertThat(ci.sshKeys()).containsExactly("ssh-ed25519 AAAAC3Nza admin@example.com", "ssh-rsa AAAAB3 ops");
        assertThat(ci.ipConfigs()).extracting(IpConfig::slot).containsExactly("ipconfig0", "ipconfig1");
        IpConfig first = vm.ipConfigList().get(0);
        assertThat(first.ip()).isEqualTo("10.0.0.101/24");
        assertThat(first.gateway()).isEqualTo("10.0.0.1");
        assertThat(first.dhcp()).isFalse();
        IpConfig second = vm.ipConfigList().get(1);
        assertThat(second.dhcp()).isTrue();
        assertThat(second.ip6()).isEqualTo("auto");
        assertThat(second.with("gw6", "fe80::1").spec().format()).isEqualTo("ip=dhcp,ip6=auto,gw6=fe80::1");
    }

    @Test
    void aVmWithoutCloudInitHasNothingConfigured() {
        VirtualMachine vm = new VirtualMachine(101, "pve1", "", PowerState.STOPPED, Map.of("name", "plain"), GuestRuntime.NONE);
        assertThat(vm.cloudInit().configured()).isFalse();
        assertThat(vm.cloudInit().sshKeys()).isEmpty();
        assertThat(vm.ipConfigList()).isEmpty();
    }
}
