/**
 * The proxmox-mpc SPI: the only module plugins compile against. It exports its published packages to everyone, and
 * the root package ({@code SpiVersion}, marked {@code @API(status = INTERNAL)}) to the kernel only; a plugin (in its
 * PF4J class loader's unnamed module) can therefore not link against it when the SPI runs from the module path.
 */
module dev.proxmoxmpc.spi {
    requires transitive org.pf4j;
    requires static org.apiguardian.api;
    requires transitive info.picocli; // commands are declared on picocli's model

    exports dev.proxmoxmpc.spi.command;
    // the kernel's (and the test kit's) parsing machinery; not for plugins (ArchUnit and @API(INTERNAL) say so too)
    exports dev.proxmoxmpc.spi.command.internal to dev.proxmoxmpc.kernel;
    exports dev.proxmoxmpc.spi.console;
    exports dev.proxmoxmpc.spi.diag;
    exports dev.proxmoxmpc.spi.iac;
    exports dev.proxmoxmpc.spi.kernel;
    exports dev.proxmoxmpc.spi.model;
    exports dev.proxmoxmpc.spi.provider;
    exports dev.proxmoxmpc.spi.state;
    exports dev.proxmoxmpc.spi to dev.proxmoxmpc.kernel;

    // The extension points; the kernel finds its built-in commands with ServiceLoader, plugins through PF4J.
    uses dev.proxmoxmpc.spi.command.ConsoleCommand;
    uses dev.proxmoxmpc.spi.console.StatusItem;
    uses dev.proxmoxmpc.spi.iac.Exporter;
    uses dev.proxmoxmpc.spi.iac.Generator;
    uses dev.proxmoxmpc.spi.iac.Importer;
    uses dev.proxmoxmpc.spi.iac.Policy;
    uses dev.proxmoxmpc.spi.iac.PreApplyCheck;
    uses dev.proxmoxmpc.spi.provider.InfrastructureProvider;
}
