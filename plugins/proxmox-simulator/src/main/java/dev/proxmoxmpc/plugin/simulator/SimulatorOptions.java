package dev.proxmoxmpc.plugin.simulator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a simulator: scenario, port (0 = a free one), credentials, faults. Build with {@link #builder()}.
 *
 * @param scenario            {@code demo}, {@code large:N}, {@code empty}, or a YAML file path
 * @param scenarioFile        a YAML scenario file; wins over {@code scenario} when present
 * @param port                TCP port on 127.0.0.1; 0 picks a free one
 * @param latencyMs           added to every request (lower bound when {@code latencyMaxMs} is larger)
 * @param latencyMaxMs        upper bound of a random latency; {@code <= latencyMs} means fixed latency
 * @param failRate            fraction of requests answered with 500
 * @param dropRate            fraction of requests whose connection is closed without an answer
 * @param seed                seeds MAC addresses, UUIDs, usage figures and fault dice
 * @param unauthorizedDelayMs delay before each 401 (real PVE: about 3000; default 0)
 * @param taskDurationMs      how long each task runs before it finishes (default 300)
 * @param password            root@pam's password for ticket auth (default {@code simulator})
 * @param tokenSecret         the secret of {@code root@pam!mpc}; empty for a random UUID
 */
public record SimulatorOptions(String scenario, Optional<Path> scenarioFile, int port, long latencyMs, long latencyMaxMs,
                               double failRate, double dropRate, long seed, long unauthorizedDelayMs, long taskDurationMs,
                               String password, String tokenSecret) {
    public SimulatorOptions {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (latencyMs < 0 || failRate < 0 || failRate > 1 || dropRate < 0 || dropRate > 1 || taskDurationMs < 0
                || unauthorizedDelayMs < 0) {
            throw new IllegalArgumentException("latency and durations must be >= 0, rates between 0 and 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the scenario spec as {@code ScenarioLoader} takes it. */
    public String scenarioSpec() {
        return scenarioFile.map(Path::toString).orElse(scenario);
    }

    /** Builder with the defaults: demo, free port, no faults, 300 ms tasks, seed 42. */
    public static final class Builder {
        private String scenario = "demo";
        private Path scenarioFile;
        private int port;
        private long latencyMs;
        private long latencyMaxMs;
        private double failRate;
        private double dropRate;
        private long seed = 42;
        private long unauthorizedDelayMs;
        private long taskDurationMs = 300;
        private String password = "simulator";
        private String tokenSecret = "";

        public Builder scenario(String s) {
            this.scenario = s;
            return this;
        }

        public Builder scenarioFile(Path p) {
            this.scenarioFile = p;
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder latencyMs(long ms) {
            this.latencyMs = ms;
            return this;
        }

        /** Random latency between {@code minMs} and {@code maxMs} per request. */
        public Builder latencyMs(long minMs, long maxMs) {
            this.latencyMs = minMs;
            this.latencyMaxMs = maxMs;
            return this;
        }

        public Builder failRate(double r) {
            this.failRate = r;
            return this;
        }

        public Builder dropRate(double r) {
            this.dropRate = r;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder unauthorizedDelayMs(long ms) {
            this.unauthorizedDelayMs = ms;
            return this;
        }

        public Builder taskDurationMs(long ms) {
            this.taskDurationMs = ms;
            return this;
        }

        public Builder password(String p) {
            this.password = p;
            return this;
        }

        public Builder tokenSecret(String s) {
            this.tokenSecret = s;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(scenario, Optional.ofNullable(scenarioFile), port, latencyMs, latencyMaxMs, failRate,
                    dropRate, seed, unauthorizedDelayMs, taskDurationMs, password, tokenSecret);
        }
    }
}
