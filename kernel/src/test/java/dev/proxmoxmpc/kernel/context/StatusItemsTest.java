package dev.proxmoxmpc.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusItemsTest {

    @Test
    void aQuickComputationIsShownAtOnce() {
        try (StatusItems items = new StatusItems(Duration.ofSeconds(5))) {
            assertThat(items.text(() -> " | 3 pending")).isEqualTo(" | 3 pending");
            assertThat(items.text(() -> " | 4 pending")).isEqualTo(" | 4 pending");
        }
    }

    @Test
    void aSlowComputationLeavesTheLastTextAndIsTakenAtTheNextPromptWithoutStartingTwice() throws Exception {
        try (StatusItems items = new StatusItems(Duration.ofMillis(20))) {
            assertThat(items.text(() -> " | 1 pending")).isEqualTo(" | 1 pending");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(1);
            AtomicInteger started = new AtomicInteger();
            java.util.function.Supplier<String> slow = () -> {
                started.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.countDown();
                return " | 2 pending";
            };
            assertThat(items.text(slow)).as("the prompt does not wait: the last text").isEqualTo(" | 1 pending");
            assertThat(items.text(slow)).as("still running: not started again").isEqualTo(" | 1 pending");
            assertThat(started).hasValue(1);
            release.countDown();
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch never = new CountDownLatch(1);
            java.util.function.Supplier<String> stuck = () -> {
                try {
                    never.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return " | stuck";
            };
            String shown = items.text(stuck);
            for (int i = 0; i < 500 && !shown.equals(" | 2 pending"); i++) { // the finished run's result lands just after it returns
                Thread.sleep(10);
                shown = items.text(stuck);
            }
            assertThat(shown).as("a slow bar shows the last finished run: one command behind").isEqualTo(" | 2 pending");
            never.countDown();
        }
    }

    @Test
    void aFinishedRunIsNotReusedAtTheNextPrompt() {
        try (StatusItems items = new StatusItems(Duration.ofSeconds(5))) {
            items.text(() -> " | 1 pending");
            assertThat(items.text(() -> " | 2 pending")).as("computed again after the command").isEqualTo(" | 2 pending");
        }
    }

    @Test
    void aFailingComputationKeepsTheLastTextAndResetForgetsIt() {
        try (StatusItems items = new StatusItems(Duration.ofSeconds(5))) {
            items.text(() -> " | 1 pending");
            assertThat(items.text(() -> {
                throw new IllegalStateException("state closed");
            })).isEqualTo(" | 1 pending");
            items.reset();
            assertThat(items.text(() -> {
                throw new IllegalStateException("state closed");
            })).isEmpty();
        }
    }
}
