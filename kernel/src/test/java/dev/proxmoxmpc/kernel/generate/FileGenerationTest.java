package dev.proxmoxmpc.kernel.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGenerationTest {
    @TempDir
    Path root;
    InMemoryStateStore state;
    FileGeneration generation;
    MapGenerator files;

    /** A generator whose output the test sets. */
    static final class MapGenerator implements Generator {
        final Map<String, String> files = new LinkedHashMap<>();
        final String id;

        MapGenerator(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            return new GenerationResult(files.entrySet().stream().map(e -> new GeneratedFile(e.getKey(), e.getValue())).toList(),
                    List.of());
        }
    }

    static final class ThrowingGenerator implements Generator {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            throw new IllegalStateException("template missing");
        }
    }

    @BeforeEach
    void setUp() {
        state = new InMemoryStateStore();
        generation = new FileGeneration(new Workspace(root), state);
        files = new MapGenerator("terraform");
    }

    private GenerationReport run(Generator... generators) {
        return generation.run(List.of(generators), id -> new GenerationRequest(Inventory.empty(), "default", "",
                Map.of(), new ClasspathTemplates()));
    }

    /** Records what a progress bar is told. */
    static final class RecordedProgress implements Progress {
        final List<String> calls = new ArrayList<>();

        @Override
        public void total(long total) {
            calls.add("total " + total);
        }

        @Override
        public void step(long n) {
            calls.add("step " + n);
        }

        @Override
        public void message(String text) {
            calls.add(text);
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void reportsProgressPerGeneratorThenPerFile() throws IOException {
        files.files.put("terraform/main.tf", "a");
        files.files.put("terraform/vms/web.tf", "b");
        Files.createDirectories(root.resolve("terraform"));
        Files.writeString(root.resolve("terraform/main.tf"), "a");
        RecordedProgress progress = new RecordedProgress();
        GenerationReport report = generation.run(List.of(files, new ThrowingGenerator()), id -> new GenerationRequest(
                Inventory.empty(), "default", "", Map.of(), new ClasspathTemplates()), progress);
        assertThat(progress.calls).containsExactly("total 2", "terraform", "step 1", "broken", "step 1", "total 4",
                "writing", "step 1", "step 1");
        assertThat(report.unchanged()).containsExactly("terraform/main.tf");
        assertThat(report.written()).containsExactly("terraform/vms/web.tf");
    }

    @Test
    void writesNewFilesAndRecordsTheirHashes() throws IOException {
        files.files.put("terraform/main.tf", "a");
        files.files.put("scripts/backup.sh", "#!/bin/sh\n");
        GenerationReport report = run(files);
        assertThat(report.written()).containsExactly("scripts/backup.sh", "terraform/main.tf");
        assertThat(Files.readString(root.resolve("terraform/main.tf"))).isEqualTo("a");
        assertThat(Files.isExecutable(root.resolve("scripts/backup.sh"))).isTrue();
        assertThat(state.fileHashes()).containsEntry("terraform/main.tf", FileHashes.sha256("a".getBytes()));
        try (var leftovers = Files.walk(root)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void rewritesNothingWhenContentIsUnchanged() throws IOException {
        files.files.put("terraform/main.tf", "a");
        run(files);
        Path f = root.resolve("terraform/main.tf");
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(f, old);
        GenerationReport again = run(files);
        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).containsExactly("terraform/main.tf");
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
        files.files.put("terraform/main.tf", "b");
        assertThat(run(files).written()).containsExactly("terraform/main.tf");
        assertThat(Files.readString(f)).isEqualTo("b");
    }

    @Test
    void removesFilesNoGeneratorProducesAnyMore() {
        files.files.put("terraform/vms/web.tf", "web");
        files.files.put("terraform/main.tf", "main");
        run(files);
        files.files.remove("terraform/vms/web.tf");
        GenerationReport report = run(files);
        assertThat(report.removed()).containsExactly("terraform/vms/web.tf");
        assertThat(root.resolve("terraform/vms")).doesNotExist();
        assertThat(root.resolve("terraform/main.tf")).exists();
        assertThat(state.fileHashes()).containsOnlyKeys("terraform/main.tf");
    }

    @Test
    void keepsAHandEditedStaleFileAndReportsIt() throws IOException {
        files.files.put("terraform/vms/web.tf", "web");
        run(files);
        Files.writeString(root.resolve("terraform/vms/web.tf"), "web # my note");
        assertThat(generation.editedFiles()).containsExactly("terraform/vms/web.tf");
        files.files.clear();
        GenerationReport report = run(files);
        assertThat(report.removed()).isEmpty();
        assertThat(root.resolve("terraform/vms/web.tf")).hasContent("web # my note");
        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.summary()).contains("edited by hand");
        });
    }

    @Test
    void detectsHandEditsOfGeneratedFiles() throws IOException {
        files.files.put("a.txt", "1");
        files.files.put("b.txt", "2");
        run(files);
        assertThat(generation.editedFiles()).isEmpty();
        Files.writeString(root.resolve("b.txt"), "changed");
        assertThat(generation.editedFiles()).containsExactly("b.txt");
    }

    private Path cache() {
        return root.resolve(".proxmox/cache/" + FileStamps.FILE_NAME);
    }

    /** Generates {@code a.txt}, then gives it the modification time {@code mtime} and lets a check record that. */
    private Path generatedAndCheckedAt(FileTime mtime) throws IOException {
        files.files.put("a.txt", "1234");
        run(files);
        Path a = root.resolve("a.txt");
        Files.setLastModifiedTime(a, mtime);
        assertThat(generation.editedFiles()).isEmpty();
        assertThat(cache()).exists();
        return a;
    }

    @Test
    void aHandEditThatKeepsTheSizeIsDetectedByItsModificationTime() throws IOException {
        FileTime t = FileTime.fromMillis(1_000_000_000_000L);
        Path a = generatedAndCheckedAt(t);
        Files.writeString(a, "4321");
        Files.setLastModifiedTime(a, FileTime.fromMillis(t.toMillis() + 1));
        assertThat(generation.editedFiles()).containsExactly("a.txt");
        assertThat(run(files).written()).containsExactly("a.txt");
        assertThat(a).hasContent("1234");
    }

    @Test
    void aRacyHandEditWithinTheSameClockTickIsStillDetected() throws IOException {
        FileTime t = FileTime.fromMillis(1_000_000_000_000L);
        Path a = generatedAndCheckedAt(t);
        // edited in the same tick as the cache was written: same size, same modification time as recorded
        Files.setLastModifiedTime(cache(), t);
        Files.writeString(a, "4321");
        Files.setLastModifiedTime(a, t);
        assertThat(generation.editedFiles()).containsExactly("a.txt");
        assertThat(run(files).written()).containsExactly("a.txt");
        assertThat(a).hasContent("1234");
    }

    @Test
    void aFileWhoseSizeAndTimeAreRecordedAndOlderThanTheCacheIsNotReadAgain() throws IOException {
        // the other side of the racy test: this is the shortcut the cache exists for (git's index makes the same
        // trade), shown by an edit that keeps size and time and is therefore not seen
        FileTime t = FileTime.fromMillis(1_000_000_000_000L);
        Path a = generatedAndCheckedAt(t);
        Files.setLastModifiedTime(cache(), FileTime.fromMillis(t.toMillis() + 10_000));
        Files.writeString(a, "4321");
        Files.setLastModifiedTime(a, t);
        assertThat(generation.editedFiles()).isEmpty();
        Files.delete(cache());
        assertThat(generation.editedFiles()).containsExactly("a.txt");
    }

    @Test
    void aDeletedGeneratedFileIsWrittenAgainDespiteItsRecordedStamp() throws IOException {
        FileTime t = FileTime.fromMillis(1_000_000_000_000L);
        Path a = generatedAndCheckedAt(t);
        Files.delete(a);
        assertThat(generation.editedFiles()).isEmpty();
        GenerationReport report = run(files);
        assertThat(report.written()).containsExactly("a.txt");
        assertThat(a).hasContent("1234");
    }

    @Test
    void aCorruptOrMissingCacheOnlyMeansEveryFileIsRead() throws IOException {
        FileTime t = FileTime.fromMillis(1_000_000_000_000L);
        Path a = generatedAndCheckedAt(t);
        Files.writeString(cache(), "garbage\tx\n");
        Files.setLastModifiedTime(cache(), FileTime.fromMillis(t.toMillis() + 10_000));
        Files.writeString(a, "4321");
        Files.setLastModifiedTime(a, t);
        assertThat(generation.editedFiles()).containsExactly("a.txt");
        Files.delete(cache());
        assertThat(generation.editedFiles()).containsExactly("a.txt");
        GenerationReport report = run(files);
        assertThat(report.written()).containsExactly("a.txt");
        assertThat(report.diagnostics()).singleElement().satisfies(d -> assertThat(d.summary()).contains("hand edit"));
    }

    @Test
    void nothingIsRewrittenWhenNothingChangedAndTheCacheThenSparesTheReads() throws IOException {
        files.files.put("a.txt", "1");
        files.files.put("dir/b.txt", "2");
        run(files);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(root.resolve("a.txt"), old);
        Files.setLastModifiedTime(root.resolve("dir/b.txt"), old);
        for (int i = 0; i < 3; i++) {
            GenerationReport again = run(files);
            assertThat(again.written()).isEmpty();
            assertThat(again.unchanged()).containsExactly("a.txt", "dir/b.txt");
            assertThat(Files.getLastModifiedTime(root.resolve("a.txt"))).isEqualTo(old);
        }
        assertThat(Files.readString(cache())).contains("a.txt\t" + FileHashes.sha256("1".getBytes()) + "\t1\t");
    }

    @Test
    void aThrowingGeneratorBecomesAnErrorAndTheOthersGoOnWithoutRemovingItsFiles() {
        MapGenerator other = new MapGenerator("ansible");
        other.files.put("ansible/site.yml", "x");
        files.files.put("terraform/main.tf", "tf");
        run(files, other);
        GenerationReport report = run(new ThrowingGenerator(), other);
        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.summary()).isEqualTo("generator 'broken' failed: IllegalStateException: template missing");
        });
        assertThat(report.unchanged()).containsExactly("ansible/site.yml");
        assertThat(report.removed()).isEmpty();
        assertThat(root.resolve("terraform/main.tf")).exists();
        assertThat(state.fileHashes()).containsOnlyKeys("ansible/site.yml", "terraform/main.tf");
    }

    @Test
    void twoGeneratorsWritingOnePathIsAnErrorAndTheFirstWins() {
        MapGenerator other = new MapGenerator("other");
        files.files.put("same.txt", "first");
        other.files.put("same.txt", "second");
        GenerationReport report = run(files, other);
        assertThat(root.resolve("same.txt")).hasContent("first");
        assertThat(report.diagnostics()).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
    }

    /** Many files, some already there, two edited by hand: what the writer threads report, record and warn. */
    private GenerationReport writeMany(Path dir, int threads, InMemoryStateStore store) throws IOException {
        MapGenerator many = new MapGenerator("many");
        for (int i = 0; i < 200; i++) {
            many.files.put("terraform/vms/vm-" + i + ".tf", "resource " + i + "\n");
        }
        FileGeneration gen = new FileGeneration(new Workspace(dir), store, threads);
        gen.run(List.of(many), id -> new GenerationRequest(Inventory.empty(), "default", "", Map.of(), new ClasspathTemplates()));
        Files.writeString(dir.resolve("terraform/vms/vm-150.tf"), "edited by hand\n");
        Files.writeString(dir.resolve("terraform/vms/vm-7.tf"), "edited by hand\n");
        for (int i = 0; i < 200; i += 3) {
            many.files.put("terraform/vms/vm-" + i + ".tf", "resource " + i + " changed\n");
        }
        many.files.put("terraform/vms/vm-7.tf", "resource 7\n");
        return gen.run(List.of(many), id -> new GenerationRequest(Inventory.empty(), "default", "", Map.of(),
                new ClasspathTemplates()));
    }

    @Test
    void filesWrittenInParallelGiveTheReportHashesAndWarningsOfWritingThemOneAfterAnother(@TempDir Path other)
            throws IOException {
        InMemoryStateStore parallelState = new InMemoryStateStore();
        GenerationReport parallel = writeMany(root, 4, parallelState);
        InMemoryStateStore sequentialState = new InMemoryStateStore();
        GenerationReport sequential = writeMany(other, 1, sequentialState);

        assertThat(parallel.written()).hasSize(68).isEqualTo(sequential.written());
        assertThat(parallel.unchanged()).hasSize(132).isEqualTo(sequential.unchanged());
        assertThat(parallel.diagnostics()).extracting(d -> d.summary())
                .containsExactly("overwrote a hand edit of terraform/vms/vm-7.tf", "overwrote a hand edit of terraform/vms/vm-150.tf")
                .isEqualTo(sequential.diagnostics().stream().map(d -> d.summary()).toList());
        assertThat(parallelState.fileHashes()).hasSize(200).isEqualTo(sequentialState.fileHashes());
        for (int i = 0; i < 200; i++) {
            Path p = root.resolve("terraform/vms/vm-" + i + ".tf");
            assertThat(FileHashes.sha256(Files.readAllBytes(p))).isEqualTo(parallelState.fileHashes().get(root.relativize(p).toString()));
        }
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheRunAfterTheOthersAreWrittenAndRecorded() throws IOException {
        files.files.put("terraform/blocked/x.tf", "cannot be written"); // its directory is a regular file
        for (int i = 0; i < 50; i++) {
            files.files.put("terraform/vms/vm-" + i + ".tf", "resource " + i);
        }
        Files.createDirectories(root.resolve("terraform"));
        Files.writeString(root.resolve("terraform/blocked"), "a file, not a directory");

        assertThatThrownBy(() -> run(files)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("writing generated files failed: ");

        assertThat(state.fileHashes()).hasSize(50).doesNotContainKey("terraform/blocked/x.tf");
        Files.delete(root.resolve("terraform/blocked"));
        GenerationReport again = run(files);
        assertThat(again.written()).containsExactly("terraform/blocked/x.tf");
        assertThat(again.unchanged()).hasSize(50);
        assertThat(again.diagnostics()).isEmpty();
    }

    @Test
    void filesWrittenBeforeAGeneratorEndsTheRunAbruptlyAreRecordedAndNoneIsLeftHalfWritten() throws IOException {
        for (int i = 0; i < 200; i++) {
            files.files.put("terraform/vms/vm-" + i + ".tf", "resource " + i);
        }
        Generator fatal = new Generator() {
            @Override
            public String id() {
                return "fatal";
            }

            @Override
            public GenerationResult generate(GenerationRequest request) {
                try {
                    Thread.sleep(300); // the first generator's files are being written meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new AssertionError("a VM error, not a generator's failure");
            }
        };

        assertThatThrownBy(() -> run(files, fatal)).isInstanceOf(AssertionError.class);

        Map<String, String> recorded = state.fileHashes();
        int onDisk = 0;
        for (int i = 0; i < 200; i++) {
            String path = "terraform/vms/vm-" + i + ".tf";
            Path file = root.resolve(path);
            if (Files.exists(file)) {
                onDisk++;
                assertThat(recorded).containsEntry(path, FileHashes.sha256(Files.readAllBytes(file)));
            } else {
                assertThat(recorded).doesNotContainKey(path);
            }
        }
        assertThat(onDisk).isPositive();
        try (var leftovers = Files.walk(root)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
        GenerationReport again = run(files);
        assertThat(again.diagnostics()).isEmpty();
        assertThat(again.unchanged()).hasSize(onDisk);
    }

    /** A generator that counts its runs, renders the request's guests and options, and reports one warning. */
    static final class CountingGenerator implements Generator {
        int runs;

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            runs++;
            List<GeneratedFile> out = new ArrayList<>();
            request.desired().guests().forEach(g -> out.add(new GeneratedFile("vms/" + g.vmid() + ".txt", g.config().toString())));
            out.add(new GeneratedFile("options.txt", request.options().toString()));
            return new GenerationResult(out, List.of(Diagnostic.warning("cannot express setting x", "vms/101.txt")));
        }
    }

    private static Inventory guests(String memory) {
        return Inventory.empty().withGuest(new VirtualMachine(101, "pve1", "", PowerState.RUNNING, Map.of("memory", memory),
                new GuestRuntime("", "", 0, List.of(), ""))).withGuest(new VirtualMachine(102, "pve1", "", PowerState.RUNNING,
                Map.of("memory", "512"), GuestRuntime.NONE));
    }

    private GenerationReport runWith(CountingGenerator g, Inventory desired, Map<String, Object> options, String context) {
        return generation.run(List.of(g), id -> new GenerationRequest(desired, "default", "https://pve:8006", options,
                new ClasspathTemplates()), Progress.NONE, context);
    }

    @Test
    void aGenerationWhoseInputsAndFilesAreUnchangedIsSkippedWithTheSameReport() {
        CountingGenerator g = new CountingGenerator();
        GenerationReport first = runWith(g, guests("1024"), Map.of("a", 1), "kernel 1");
        assertThat(first.written()).containsExactly("options.txt", "vms/101.txt", "vms/102.txt");

        GenerationReport again = runWith(g, guests("1024"), Map.of("a", 1), "kernel 1"); // equal, not the same objects
        assertThat(g.runs).isEqualTo(1);
        assertThat(again.written()).isEmpty();
        assertThat(again.removed()).isEmpty();
        assertThat(again.unchanged()).containsExactly("options.txt", "vms/101.txt", "vms/102.txt");
        assertThat(again.diagnostics()).isEqualTo(first.diagnostics()).extracting(d -> d.summary())
                .containsExactly("cannot express setting x");

        runWith(g, guests("1024"), Map.of("a", 1), null); // without a context: always generated
        assertThat(g.runs).isEqualTo(2);
    }

    @Test
    void anyChangeOfTheInputsOrOfTheFilesGeneratesAgain() throws IOException {
        CountingGenerator g = new CountingGenerator();
        runWith(g, guests("1024"), Map.of("a", 1), "kernel 1");

        assertThat(runWith(g, guests("2048"), Map.of("a", 1), "kernel 1").written()).containsExactly("vms/101.txt");
        assertThat(g.runs).isEqualTo(2);
        assertThat(runWith(g, guests("2048"), Map.of("a", 2), "kernel 1").written()).containsExactly("options.txt");
        assertThat(g.runs).isEqualTo(3);
        assertThat(runWith(g, guests("2048"), Map.of("a", 2), "kernel 2").written()).isEmpty();
        assertThat(g.runs).isEqualTo(4);
        runWith(g, guests("2048"), Map.of("a", 2), "kernel 2");
        assertThat(g.runs).isEqualTo(4);

        Files.delete(root.resolve("vms/102.txt"));
        assertThat(runWith(g, guests("2048"), Map.of("a", 2), "kernel 2").written()).containsExactly("vms/102.txt");
        assertThat(g.runs).isEqualTo(5);

        Files.writeString(root.resolve("vms/101.txt"), "edited by hand");
        GenerationReport edited = runWith(g, guests("2048"), Map.of("a", 2), "kernel 2");
        assertThat(g.runs).isEqualTo(6);
        assertThat(edited.written()).containsExactly("vms/101.txt");
        assertThat(edited.diagnostics()).extracting(d -> d.summary())
                .contains("overwrote a hand edit of vms/101.txt");

        Map<String, String> hashes = new java.util.TreeMap<>(state.fileHashes());
        hashes.put("vms/102.txt", FileHashes.sha256("recorded by another machine".getBytes()));
        state.saveFileHashes(hashes);
        runWith(g, guests("2048"), Map.of("a", 2), "kernel 2");
        assertThat(g.runs).isEqualTo(7);
        runWith(g, guests("2048"), Map.of("a", 2), "kernel 2");
        assertThat(g.runs).isEqualTo(7);
    }

    @Test
    void aRunWithAFailedGeneratorIsNeverTakenAsTheLastCompleteGeneration() {
        CountingGenerator g = new CountingGenerator();
        GenerationReport failed = generation.run(List.of(g, new ThrowingGenerator()), id -> new GenerationRequest(
                guests("1024"), "default", "", Map.of(), new ClasspathTemplates()), Progress.NONE, "kernel 1");
        assertThat(failed.diagnostics()).anySatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        generation.run(List.of(g, new ThrowingGenerator()), id -> new GenerationRequest(guests("1024"), "default", "",
                Map.of(), new ClasspathTemplates()), Progress.NONE, "kernel 1");
        assertThat(g.runs).isEqualTo(2);
    }

    @Test
    void generatorsSeeNoUptimeAndTheFingerprintFollowsEveryPartOfTheRequest() {
        Inventory withUptime = new Inventory("lab", List.of(new Node("pve1", "online", 8, 1L << 34, 1L << 36, 99999, "c")),
                List.of(new VirtualMachine(101, "pve1", "", PowerState.RUNNING, Map.of("memory", "1024"),
                        new GuestRuntime("backup", "started", 4242, List.of("10.0.0.5"), "abc"))), List.of(), List.of(), List.of());
        Inventory stripped = GenerationInputs.withoutUptime(withUptime);
        assertThat(stripped.nodes()).containsExactly(new Node("pve1", "online", 8, 1L << 34, 1L << 36, 0, "c"));
        assertThat(stripped.cluster()).isEqualTo("lab");
        assertThat(stripped.guests()).singleElement().satisfies(gu -> {
            assertThat(gu.runtime()).isEqualTo(new GuestRuntime("backup", "started", 0, List.of("10.0.0.5"), "abc"));
            assertThat(gu.config()).isEqualTo(Map.of("memory", "1024"));
        });
        assertThat(GenerationInputs.withoutUptime(stripped)).isSameAs(stripped);

        List<Generator> one = List.of(new CountingGenerator());
        String base = GenerationInputs.of("c", one, List.of(request(guests("1024"), "default", "", Map.of())));
        assertThat(GenerationInputs.of("c", one, List.of(request(guests("1024"), "default", "", Map.of())))).isEqualTo(base);
        assertThat(List.of(
                GenerationInputs.of("d", one, List.of(request(guests("1024"), "default", "", Map.of()))),
                GenerationInputs.of("c", one, List.of(request(guests("1025"), "default", "", Map.of()))),
                GenerationInputs.of("c", one, List.of(request(guests("1024"), "prod", "", Map.of()))),
                GenerationInputs.of("c", one, List.of(request(guests("1024"), "default", "https://pve:8006", Map.of()))),
                GenerationInputs.of("c", one, List.of(request(guests("1024"), "default", "", Map.of("x", true)))),
                GenerationInputs.of("c", List.of(new MapGenerator("counting")), List.of(request(guests("1024"), "default", "",
                        Map.of()))))).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void theTemplateOverridesFingerprintFollowsTheirNamesAndContents() throws IOException {
        Path dir = root.resolve("templates");
        assertThat(GenerationInputs.ofDirectory(dir)).isEmpty();
        Files.createDirectories(dir.resolve("terraform"));
        Files.writeString(dir.resolve("terraform/vm.hbs"), "a");
        String one = GenerationInputs.ofDirectory(dir);
        Files.writeString(dir.resolve("terraform/vm.hbs"), "b");
        String two = GenerationInputs.ofDirectory(dir);
        Files.move(dir.resolve("terraform/vm.hbs"), dir.resolve("terraform/ct.hbs"));
        assertThat(List.of(one, two, GenerationInputs.ofDirectory(dir))).doesNotHaveDuplicates().doesNotContain("");
    }

    private static GenerationRequest request(Inventory desired, String env, String endpoint, Map<String, Object> options) {
        return new GenerationRequest(desired, env, endpoint, options, new ClasspathTemplates());
    }
}
