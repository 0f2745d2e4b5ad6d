package dev.proxmoxmpc.plugin.testing;

import dev.proxmoxmpc.plugin.testing.command.TestCommand;
import dev.proxmoxmpc.plugin.testing.command.TestsBeforeApply;
import dev.proxmoxmpc.plugin.testing.command.ValidateCommand;
import dev.proxmoxmpc.plugin.testing.generate.TestsGenerator;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A project with the testing plugin's commands, its generator and every bundled rule, against a {@link FakeServer}. */
public final class Project {
    public final FakeServer server;
    public final RecordingConsole console = new RecordingConsole();
    public final InMemoryStateStore state = new InMemoryStateStore(new MutableClock(Instant.parse("2026-12-06T12:00:00Z")));
    public final TestKernelContext ctx;

    public Project(Path root, Inventory inventory, Object... more) {
        this.server = new FakeServer(inventory);
        List<Object> ext = new ArrayList<>(List.of(new TestCommand(), new ValidateCommand(), new TestsGenerator(), new TestsBeforeApply()));
        ext.addAll(Rules.bundled());
        ext.addAll(List.of(more));
        this.ctx = TestKernelContext.builder().root(root).console(console).state(state).sessions(() -> server)
                .extension(ext.toArray()).build();
        state.save(StateKind.OBSERVED, inventory);
        state.save(StateKind.DESIRED, inventory);
        ctx.regenerate(inventory);
    }

    public CommandResult run(String line) {
        return ctx.execute(line);
    }

    public String all() {
        return console.output() + "\n" + console.errors();
    }

    /** Every bundled rule, as PF4J would find them. */
    public static final class Rules {
        private Rules() {}

        public static List<Policy> bundled() {
            List<Policy> out = new ArrayList<>();
            for (String name : Index.classes()) {
                try {
                    Object o = Class.forName(name).getDeclaredConstructor().newInstance();
                    if (o instanceof Policy p) {
                        out.add(p);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    }

    /** The PF4J extension index of this plugin. */
    static final class Index {
        private Index() {}

        static List<String> classes() {
            try {
                java.util.TreeSet<String> out = new java.util.TreeSet<>();
                for (java.net.URL url : java.util.Collections.list(Project.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
                    try (var in = url.openStream()) {
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::trim)
                                .filter(l -> l.startsWith("dev.proxmoxmpc.plugin.testing.")).forEach(out::add);
                    }
                }
                return List.copyOf(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

}
