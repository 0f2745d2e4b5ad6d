package dev.proxmoxmpc.plugin.proxmox.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses a guest reports, those of its own NICs (by MAC) first. */
class AgentAddressesTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void listsTheAddressesOfTheInterfaceWithTheNicsMacFirst() throws Exception {
        JsonNode agent = json("""
                {"result":[
                  {"name":"lo","hardware-address":"00:00:00:00:00:00","ip-addresses":[{"ip-address":"127.0.0.1"}]},
                  {"name":"docker0","hardware-address":"02:42:ac:11:00:01","ip-addresses":[{"ip-address":"172.17.0.1"}]},
                  {"name":"eth0","hardware-address":"bc:24:11:00:01:08",
                   "ip-addresses":[{"ip-address":"fe80::be24:11ff:fe00:108"},{"ip-address":"10.0.0.236"}]}]}
                """);

        assertThat(ResourceMapper.agentAddresses(agent, List.of("BC:24:11:00:01:08"))).containsExactly("10.0.0.236", "172.17.0.1");
        assertThat(ResourceMapper.agentAddresses(agent)).as("without MACs: the guest's order").containsExactly("172.17.0.1", "10.0.0.236");
    }

    @Test
    void matchesAContainersHwaddr() throws Exception {
        JsonNode lxc = json("""
                [{"name":"lo","hwaddr":"00:00:00:00:00:00","inet":"127.0.0.1/8"},
                 {"name":"eth1","hwaddr":"bc:24:11:00:02:02","inet":"192.168.9.5/24"},
                 {"name":"eth0","hwaddr":"bc:24:11:00:02:01","inet":"10.0.0.53/24"}]
                """);

        assertThat(ResourceMapper.agentAddresses(lxc, List.of("BC:24:11:00:02:01", "BC:24:11:00:02:02")))
                .containsExactly("10.0.0.53", "192.168.9.5");
    }
}
