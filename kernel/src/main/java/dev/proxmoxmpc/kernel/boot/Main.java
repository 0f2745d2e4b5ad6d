package dev.proxmoxmpc.kernel.boot;

/**
 * The {@code proxmox-mpc} process. The launcher sets the system property {@code mpc.home} to the installation
 * (its {@code plugins/} folder is searched for plugins).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Kernel.builder().build().run(args));
    }
}
