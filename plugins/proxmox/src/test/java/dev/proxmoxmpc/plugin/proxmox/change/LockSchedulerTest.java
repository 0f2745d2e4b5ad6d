package dev.proxmoxmpc.plugin.proxmox.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockSchedulerTest {

    private static Change update(int vmid, String summary) {
        return new Change(ChangeAction.UPDATE, ResourceRef.vm("pve", vmid), Map.of("cores", "2"), List.of(), Map.of(), summary);
    }

    private static Change cloneOf(int source, int vmid) {
        return new Change(ChangeAction.CREATE, ResourceRef.vm("pve", vmid), Map.of(), List.of(),
                Map.of(Change.OPT_CLONE_FROM, Integer.toString(source)), "clone " + source + " -> " + vmid);
    }

    @Test
    void runsChangesOnDifferentGuestsInParallel() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        LockScheduler s = new LockScheduler((c, p) -> {
            bothRunning.countDown();
            try {
                // each waits until the other has started: only possible when they run at the same time
                assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return ChangeResult.ok(c, "", 0);
        });
        List<ChangeResult> r = s.run(List.of(update(100, "a"), update(101, "b")), 4, Progress.NONE);
        assertThat(r).allMatch(ChangeResult::succeeded);
    }

    @Test
    void serialisesChangesOnTheSameGuestInOrder() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        LockScheduler s = new LockScheduler((c, p) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            order.add(c.summary());
            Thread.yield();
            inFlight.decrementAndGet();
            return ChangeResult.ok(c, "", 0);
        });
        List<Change> changes = List.of(update(100, "1"), update(100, "2"), update(100, "3"), update(100, "4"));
        assertThat(s.run(changes, 4, Progress.NONE)).allMatch(ChangeResult::succeeded);
        assertThat(order).containsExactly("1", "2", "3", "4");
        assertThat(maxInFlight).hasValue(1);
    }

    @Test
    void serialisesClonesOfTheSameTemplateAndRunsThemAfterTheTemplateIsCreated() {
        Change template = new Change(ChangeAction.CREATE, ResourceRef.vm("pve", 9000), Map.of("scsi0", "local-lvm:8"), List.of(),
                Map.of(), "create template");
        assertThat(LockKeys.of(template).blocks(LockKeys.of(cloneOf(9000, 101)))).isTrue();
        assertThat(LockKeys.of(cloneOf(9000, 101)).blocks(LockKeys.of(cloneOf(9000, 102)))).isTrue();
        assertThat(LockKeys.of(cloneOf(9000, 101)).blocks(LockKeys.of(cloneOf(9001, 102)))).isFalse();
        assertThat(LockKeys.of(update(100, "")).blocks(LockKeys.of(update(101, "")))).isFalse();
    }

    @Test
    void ordersGuestsAfterTheStorageAndNetworkTheyUseButLetsUsersOfTheSameStorageRunTogether() {
        Change storage = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.STORAGE, "", "nfs1"), Map.of("type", "nfs"),
                List.of(), Map.of(), "storage");
        Change bridge = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.NETWORK, "pve", "vmbr1"), Map.of("type", "bridge"),
                List.of(), Map.of(), "bridge");
        Change vmA = new Change(ChangeAction.CREATE, ResourceRef.vm("pve", 101), Map.of("scsi0", "nfs1:8", "net0", "virtio,bridge=vmbr1"),
                List.of(), Map.of(), "a");
        Change vmB = new Change(ChangeAction.CREATE, ResourceRef.vm("pve", 102), Map.of("scsi0", "nfs1:8"), List.of(), Map.of(), "b");
        assertThat(LockKeys.of(storage).blocks(LockKeys.of(vmA))).isTrue();
        assertThat(LockKeys.of(bridge).blocks(LockKeys.of(vmA))).isTrue();
        assertThat(LockKeys.of(vmA).blocks(LockKeys.of(vmB))).isFalse();
    }

    @Test
    void addsAGuestToAPoolOnlyAfterTheGuestIsCreated() {
        Change create = new Change(ChangeAction.CREATE, ResourceRef.vm("pve", 120), Map.of("name", "x"), List.of(), Map.of(), "create");
        Change join = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "prod"), Map.of("vms", "120"),
                List.of(), Map.of(), "add to pool");
        Change other = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "dev"), Map.of("vms", "121"),
                List.of(), Map.of(), "add 121");
        assertThat(LockKeys.of(create).blocks(LockKeys.of(join))).isTrue();
        assertThat(LockKeys.of(create).blocks(LockKeys.of(other))).isFalse();
    }

    @Test
    void aGuestLeavesItsOldPoolBeforeJoiningTheNewOne() {
        Change leave = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "lab"),
                Map.of("vms", "120", "delete", "1"), List.of(), Map.of(), "remove from lab");
        Change join = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "prod"), Map.of("vms", "120"),
                List.of(), Map.of(), "add to prod");
        Change other = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "prod"), Map.of("vms", "121"),
                List.of(), Map.of(), "add 121 to prod");
        assertThat(LockKeys.of(leave).blocks(LockKeys.of(join))).isTrue();
        assertThat(LockKeys.of(leave).blocks(LockKeys.of(other))).isFalse();
    }

    @Test
    void stopsStartingChangesAfterTheFirstFailureAndSkipsTheRest() {
        LockScheduler s = new LockScheduler((c, p) -> c.summary().equals("bad")
                ? ChangeResult.failed(c, "boom", "", List.of(), 0) : ChangeResult.ok(c, "", 0));
        List<ChangeResult> r = s.run(List.of(update(100, "bad"), update(100, "after"), update(101, "other")), 1, Progress.NONE);
        assertThat(r).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.FAILED, ChangeResult.Status.SKIPPED,
                ChangeResult.Status.SKIPPED);
    }

    @Test
    void turnsAnExceptionIntoAFailedResult() {
        LockScheduler s = new LockScheduler((c, p) -> {
            throw new IllegalStateException("no connection");
        });
        assertThat(s.run(List.of(update(100, "x")), 2, Progress.NONE)).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("no connection"));
    }

    @Test
    void aCancelledRunSaysCancelledNotAnEarlierFailure() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        LockScheduler s = new LockScheduler((c, p) -> {
            firstRunning.countDown();
            try {
                Thread.sleep(60_000); // a long backup, until Ctrl-C
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChangeResult.ok(c, "", 0);
        });
        List<ChangeResult> out = Collections.synchronizedList(new ArrayList<>());
        Thread runner = new Thread(() -> out.addAll(s.run(List.of(update(100, "a"), update(100, "b"), update(100, "c")), 1,
                Progress.NONE)));
        runner.start();
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        runner.interrupt(); // what Ctrl-C does to the console's command thread
        runner.join(10_000);
        assertThat(out).extracting(ChangeResult::message).containsExactly(
                "cancelled while it ran (the server may still finish its task)", "not attempted: cancelled",
                "not attempted: cancelled");
        assertThat(out).extracting(ChangeResult::message).doesNotContain("not attempted after an earlier failure");
    }
}
