/**
 * The proxmox-mpc kernel: the process ({@code boot.Main}), plugin manager, console, state store, templates and the
 * built-in commands. It exports nothing: plugins compile against {@code dev.proxmoxmpc.spi} only, and a plugin class
 * (in its PF4J class loader's unnamed module) that links against a kernel class fails with the JVM's
 * {@code IllegalAccessError} when the product runs from the module path, as the launcher runs it
 * (docs/architecture.md, "Modules"). The launcher starts {@code boot.Main} by module and class name, which needs no
 * export.
 *
 * <p>The {@code opens} are for the libraries that reach the kernel's own types by reflection, each qualified to that
 * library: picocli fills the built-in commands' option fields and makes their completion classes, Jackson reads and
 * writes the configuration documents and renders results as {@code --json}, MyBatis maps state rows and reads
 * {@code StateMapper.xml} beside its interface. The migration folders are opened to everyone: they hold SQL, no
 * class, and Flyway finds them through a class loader, which sees only unconditionally opened packages.
 */
module dev.proxmoxmpc.kernel {
    requires dev.proxmoxmpc.spi;
    requires org.pf4j;
    requires info.picocli;
    requires org.jline;
    requires org.slf4j;
    requires java.sql;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.yaml.snakeyaml; // ConfigStore reads a YAML error's position from SnakeYAML's exception
    requires com.github.jknack.handlebars;
    requires org.mybatis; // automatic module, named in its manifest
    // Flyway's jar declares no module name: `flyway.core` is derived from the file name flyway-core-VERSION.jar,
    // which Maven's repository and the distribution's lib/ both keep (ModulePathIT starts the product this way).
    requires flyway.core;

    // The built-in commands, for ServiceLoader on the module path; META-INF/services lists them for the class path.
    uses dev.proxmoxmpc.spi.command.ConsoleCommand;
    provides dev.proxmoxmpc.spi.command.ConsoleCommand with
            dev.proxmoxmpc.kernel.builtin.HelpCommand,
            dev.proxmoxmpc.kernel.builtin.PluginsCommand,
            dev.proxmoxmpc.kernel.builtin.ExitCommand,
            dev.proxmoxmpc.kernel.builtin.VersionCommand,
            dev.proxmoxmpc.kernel.builtin.RunCommand,
            dev.proxmoxmpc.kernel.init.InitCommand,
            dev.proxmoxmpc.kernel.state.HistoryCommand,
            dev.proxmoxmpc.kernel.state.UnlockCommand,
            dev.proxmoxmpc.kernel.workspace.EnvironmentAddCommand,
            dev.proxmoxmpc.kernel.workspace.EnvironmentListCommand,
            dev.proxmoxmpc.kernel.workspace.EnvironmentMapCommand,
            dev.proxmoxmpc.kernel.workspace.EnvironmentRemoveCommand,
            dev.proxmoxmpc.kernel.workspace.EnvironmentSwitchCommand,
            dev.proxmoxmpc.kernel.workspace.WorkspaceListCommand,
            dev.proxmoxmpc.kernel.workspace.WorkspaceSwitchCommand,
            dev.proxmoxmpc.kernel.workspace.WorkspaceCloneCommand,
            dev.proxmoxmpc.kernel.builtin.CacheListCommand,
            dev.proxmoxmpc.kernel.builtin.CacheClearCommand,
            dev.proxmoxmpc.kernel.export.ExportCommand,
            dev.proxmoxmpc.kernel.backend.StateCommand,
            dev.proxmoxmpc.kernel.context.TokenCommand;

    // picocli: option fields, @Spec injection, completion-candidate classes of the kernel's commands and flags
    opens dev.proxmoxmpc.kernel.boot to info.picocli;
    opens dev.proxmoxmpc.kernel.builtin to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.export to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.init to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.workspace to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.backend to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.state to info.picocli, com.fasterxml.jackson.databind, org.mybatis;
    // Jackson: configuration and workspace documents, results rendered as --json
    opens dev.proxmoxmpc.kernel.config to com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.console to com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.context to info.picocli, com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.plugin to com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.project to com.fasterxml.jackson.databind;
    opens dev.proxmoxmpc.kernel.secrets to com.fasterxml.jackson.databind;
    // Flyway: the versioned SQL migrations (resources only)
    opens db.migration.sqlite;
    opens db.migration.postgresql;
}
