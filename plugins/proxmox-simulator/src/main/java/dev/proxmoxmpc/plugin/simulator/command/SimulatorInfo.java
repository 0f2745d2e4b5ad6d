package dev.proxmoxmpc.plugin.simulator.command;

import dev.proxmoxmpc.plugin.simulator.SimulatorServer;

/** What the {@code simulator} command reports: where it listens and how to authenticate (same for text and JSON). */
public record SimulatorInfo(String url, int port, String fingerprint, String tokenId, String tokenSecret, String username,
                            String password, String scenario, int guests) {

    public static SimulatorInfo of(SimulatorServer s, String scenario) {
        return new SimulatorInfo(s.url().toString(), s.port(), s.fingerprint(), s.tokenId(), s.tokenSecret(), s.username(),
                s.password(), scenario, s.guestCount());
    }
}
