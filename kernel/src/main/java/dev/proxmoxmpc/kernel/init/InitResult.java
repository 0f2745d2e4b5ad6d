package dev.proxmoxmpc.kernel.init;

import java.util.List;

/**
 * What {@code /init} did ({@code --json} prints this).
 *
 * @param root        the project directory
 * @param environment the environment name
 * @param endpoint    the API URL
 * @param tls         how the certificate is verified ({@code pinned}, {@code ca-file}, {@code insecure}, {@code system})
 * @param identity    who we are on the server, or {@code ""} with --skip-check
 * @param version     the server version, or {@code ""}
 * @param node        the default node
 * @param secretIn    where the secret is read from (an environment variable name, or {@code .proxmox/secrets.yml})
 * @param warnings    what the user should know
 * @param state       where the state lives ({@code sqlite .proxmox/state.db}, {@code postgresql db:5432/mpc schema lab})
 */
public record InitResult(String root, String environment, String endpoint, String tls, String identity,
                         String version, String node, String secretIn, List<String> warnings, String state) {
    public InitResult {
        warnings = List.copyOf(warnings);
    }
}
