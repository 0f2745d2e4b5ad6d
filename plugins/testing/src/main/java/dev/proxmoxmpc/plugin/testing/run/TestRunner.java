package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.CheckTypes;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.plugin.testing.policy.Finding;
import dev.proxmoxmpc.plugin.testing.policy.RuleRun;
import dev.proxmoxmpc.plugin.testing.policy.ValidateReport;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs test files: in the plan phase only the checks that make sense over the desired state
 * ({@link CheckTypes#PLAN}) and the /validate rules; in the live phase every check against the server, several at a
 * time (server reads and TCP probes block). Results come back in file order.
 */
public final class TestRunner {
    private static final int PARALLELISM = 8;

    private TestRunner() {}

    /**
     * @param files    the test files, in order
     * @param ctx      what the checks look at
     * @param policies the /validate findings to report as checks (plan phase), or empty
     */
    public static TestReport run(List<TestFile> files, RunContext ctx, Optional<ValidateReport> policies) {
        List<Supplier<List<Result>>> work = new ArrayList<>();
        for (TestFile f : files) {
            for (Check c : f.checks()) {
                if (ctx.phase() == Phase.PLAN && !CheckTypes.PLAN.contains(c.type())) {
                    continue;
                }
                work.add(() -> one(f, c, ctx));
            }
        }
        List<Result> results = new ArrayList<>(execute(work));
        policies.ifPresent(p -> results.addAll(policyResults(p)));
        return TestReport.of(ctx.phase(), results);
    }

    private static List<Result> execute(List<Supplier<List<Result>>> work) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, r -> {
            Thread t = new Thread(r, "mpc-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Result>>> futures = new ArrayList<>();
            work.forEach(w -> futures.add(pool.submit(w::get)));
            List<Result> out = new ArrayList<>();
            for (Future<List<Result>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Result> one(TestFile f, Check c, RunContext ctx) {
        Outcomes out = new Outcomes(f.path(), c);
        String guestName = c.text("guest").isEmpty() ? f.guest() : c.text("guest");
        boolean aboutGuest = List.of("exists", "config", "power", "storage", "bridge", "agent", "usage").contains(c.type());
        String label = guestName.isEmpty() ? (f.vmid() > 0 ? "vm/" + f.vmid() : "cluster") : guestName;
        try {
            if (ctx.phase() == Phase.LIVE && ctx.unavailable().isPresent()) {
                return List.of(out.skip(aboutGuest ? label : "cluster", aboutGuest ? GuestChecks.field(c) : c.type(), ctx.unavailable().get()));
            }
            if (aboutGuest) {
                Optional<Guest> wanted = guest(f, c, ctx);
                if (wanted.isEmpty()) {
                    return List.of(out.failMessage(label, GuestChecks.field(c), "no such guest in the desired state"));
                }
                if (c.type().equals("usage")) {
                    return List.of(UsageCheck.run(c, out, wanted.get(), label, ctx));
                }
                return GuestChecks.run(c, out, wanted.get(), label, ctx);
            }
            if (List.of("tcp", "anti-affinity", "start-order").contains(c.type())) {
                return IntegrationChecks.run(c, out, ctx);
            }
            return ClusterChecks.run(c, out, ctx);
        } catch (IllegalArgumentException e) {
            return List.of(out.failMessage(label, c.type(), f.path() + ": " + e.getMessage()));
        }
    }

    private static Optional<Guest> guest(TestFile f, Check c, RunContext ctx) {
        String name = c.text("guest");
        if (name.isEmpty() && f.vmid() > 0) {
            return ctx.desired().guest(f.vmid()).or(() -> ctx.observed().guest(f.vmid()));
        }
        String n = name.isEmpty() ? f.guest() : name;
        return ctx.desired().guestsNamed(n).stream().findFirst().or(() -> ctx.observed().guestsNamed(n).stream().findFirst());
    }

    /** @return one result per finding, and one passed result per rule that ran without any. */
    static List<Result> policyResults(ValidateReport report) {
        List<Result> out = new ArrayList<>();
        for (RuleRun r : report.rules()) {
            List<Finding> found = report.findings().stream().filter(x -> x.rule().equals(r.id()) && !x.severity().equals("info")).toList();
            String check = "policy:" + r.id();
            switch (r.status()) {
                case "off" -> { }
                case "skipped" -> out.add(new Result("policies", check, "rule " + r.id(), "", r.severity(), "skipped", "", "", r.reason()));
                default -> {
                    if (found.isEmpty()) {
                        out.add(new Result("policies", check, "rule " + r.id(), "", r.severity(), "passed", "", "", ""));
                    }
                    for (Finding x : found) {
                        out.add(new Result(x.file(), check, "rule " + r.id(), "", x.severity(), "failed", "", "", x.message()));
                    }
                }
            }
        }
        return out;
    }
}
