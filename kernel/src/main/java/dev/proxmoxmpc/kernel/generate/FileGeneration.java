package dev.proxmoxmpc.kernel.generate;

import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.kernel.plugin.Problems;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generators and keeps the generated files in step: writes a file only when its content changed (atomically),
 * records SHA-256 hashes in the state store, removes files an earlier run generated that no generator produces
 * now (unless edited by hand), and turns a throwing generator into an error diagnostic while the others go on. A
 * machine-local {@link FileStamps} cache spares reading files whose size and modification time did not change.
 */
public final class FileGeneration {
    private static final Logger LOG = LoggerFactory.getLogger(FileGeneration.class);
    private final Workspace workspace;
    private final StateStore state;
    private final int threads;
    /**
     * At most this many generated files are written at once: writing is bound by the disk, not the processors (each
     * file is forced to disk before it is renamed into place, and the file system commits concurrent forces together).
     */
    static final int WRITERS = 32;

    /** Runs the generators on up to as many threads as there are processors. */
    public FileGeneration(Workspace workspace, StateStore state) {
        this(workspace, state, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads at most this many generators run at once (1: one after another on the calling thread, and the
     *                files written one after another too)
     */
    public FileGeneration(Workspace workspace, StateStore state, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.workspace = workspace;
        this.state = state;
        this.threads = threads;
    }

    /** What one generator gave: its result, or the failure it threw. */
    private record Outcome(GenerationResult result, Throwable failure) {}

    /**
     * @param generators the generators, in a stable order
     * @param request    builds each generator's request from its id
     */
    public GenerationReport run(List<Generator> generators, Function<String, GenerationRequest> request) {
        return run(generators, request, Progress.NONE);
    }

    /**
     * The generators run at the same time (up to the thread count given at construction); their results are taken
     * in the generators' order, so the report, the files and the hashes are those of running them one after another.
     * A generator's files are written (on writer threads) while the generators after it still run.
     *
     * @param progress one step per generator, then one per file written or found unchanged (the total grows once
     *                 the generators have said how many files they produce); told only on the calling thread
     */
    public GenerationReport run(List<Generator> generators, Function<String, GenerationRequest> request, Progress progress) {
        return run(generators, request, progress, null);
    }

    /**
     * {@link #run(List, Function, Progress)}, skipped when nothing it depends on changed: when the inputs' fingerprint
     * ({@link GenerationInputs}: the generators, their requests and {@code context}) is that of the last complete
     * generation on this machine, the recorded file hashes are the ones it left, and every recorded file on disk still
     * has its recorded content, generating again would write nothing. Then every recorded file is reported unchanged,
     * with the diagnostics the generators gave then.
     *
     * @param context what else the files depend on (the kernel's version, the project's template overrides), or
     *                {@code null}: always generate
     */
    public GenerationReport run(List<Generator> generators, Function<String, GenerationRequest> request, Progress progress,
                                String context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> produced = new LinkedHashMap<>();
        boolean anyFailed = false;
        progress.total(generators.size());
        List<String> ids = new ArrayList<>();
        List<Supplier<Outcome>> tasks = new ArrayList<>();
        List<GenerationRequest> requests = new ArrayList<>();
        for (Generator generator : generators) {
            String id = safeId(generator);
            ids.add(id);
            Supplier<Outcome> task;
            try {
                GenerationRequest req = request.apply(id); // on the calling thread: the request need not be thread-safe
                requests.add(req);
                task = () -> generate(generator, req);
            } catch (RuntimeException | LinkageError e) {
                Outcome failed = new Outcome(null, e);
                task = () -> failed;
            }
            tasks.add(task);
        }
        Path memoFile = workspace.cacheDir().resolve(GenerationMemo.FILE_NAME);
        String inputs = context == null || requests.size() < generators.size() ? null : fingerprint(context, generators, requests);
        // read once: the check whether generating can be skipped and the writing share them (and what the check hashed)
        Map<String, String> recorded = state.fileHashes();
        FileStamps stamps = stamps();
        if (inputs != null) {
            GenerationReport same = unchanged(inputs, memoFile, recorded, stamps, generators.size(), progress);
            if (same != null) {
                return same;
            }
        }
        GenerationMemo.forget(memoFile);
        Writes writes = new Writes(recorded, stamps, threads == 1 ? 1 : WRITERS);
        int poolSize = Math.min(threads, generators.size());
        ExecutorService pool = poolSize > 1 ? Executors.newFixedThreadPool(poolSize, daemonThreads("generator")) : null;
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            if (pool != null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                for (Supplier<Outcome> task : tasks) {
                    futures.add(pool.submit(() -> withLoader(loader, task)));
                }
            }
            for (int i = 0; i < tasks.size(); i++) {
                String id = ids.get(i);
                progress.message(id);
                Outcome outcome = pool != null ? await(futures.get(i)) : tasks.get(i).get();
                if (outcome.failure() != null) {
                    anyFailed = true;
                    LOG.error("generator {} failed", id, outcome.failure());
                    diagnostics.add(Diagnostic.error("generator '" + id + "' failed: " + Problems.message(outcome.failure()), id));
                } else {
                    diagnostics.addAll(outcome.result().diagnostics());
                    for (GeneratedFile f : outcome.result().files()) {
                        if (produced.putIfAbsent(f.path(), f.content()) != null) {
                            diagnostics.add(Diagnostic.error("generator '" + id + "' also produces " + f.path()
                                    + "; the first generator's file is kept", f.path()));
                        } else {
                            writes.start(f.path(), f.content());
                        }
                    }
                }
                progress.step(1);
            }
        } catch (RuntimeException | Error e) {
            writes.abandon(); // interrupted, or a VM error: the files already written are recorded, no more are
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        progress.total((long) generators.size() + produced.size());
        progress.message("writing");
        List<Diagnostic> generated = List.copyOf(diagnostics);
        GenerationReport report = write(produced, writes, anyFailed, diagnostics, progress);
        if (inputs != null && !anyFailed) {
            new GenerationMemo(inputs, GenerationInputs.ofFileHashes(writes.saved), generated).save(memoFile);
        }
        return report;
    }

    private static String fingerprint(String context, List<Generator> generators, List<GenerationRequest> requests) {
        try {
            return GenerationInputs.of(context, generators, requests);
        } catch (RuntimeException e) {
            LOG.debug("cannot take the fingerprint of the generation inputs; generating", e);
            return null;
        }
    }

    /** @return the report of a generation that would write nothing (see {@link #run(List, Function, Progress, String)}), or null */
    private GenerationReport unchanged(String inputs, Path memoFile, Map<String, String> recorded, FileStamps stamps,
                                       int generatorCount, Progress progress) {
        GenerationMemo memo = GenerationMemo.load(memoFile).orElse(null);
        if (memo == null || !memo.inputs().equals(inputs) || !GenerationInputs.ofFileHashes(recorded).equals(memo.recorded())) {
            return null;
        }
        boolean asWritten = recorded.entrySet().parallelStream().allMatch(e -> {
            try {
                return stamps.hash(e.getKey(), workspace.resolve(e.getKey())).equals(e.getValue());
            } catch (IOException | IllegalArgumentException ex) {
                return false;
            }
        });
        if (!asWritten) {
            return null;
        }
        stamps.save(recorded.keySet());
        progress.total((long) generatorCount + recorded.size());
        progress.message("unchanged");
        progress.step((long) generatorCount + recorded.size());
        return new GenerationReport(List.of(), new ArrayList<>(new TreeMap<>(recorded).keySet()), List.of(), memo.diagnostics());
    }

    private GenerationReport write(Map<String, String> produced, Writes writes, boolean anyFailed,
                                   List<Diagnostic> diagnostics, Progress progress) {
        Map<String, String> recorded = writes.recorded;
        FileStamps stamps = writes.stamps;
        Map<String, String> hashes = new TreeMap<>();
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean complete = false;
        try {
            // results are taken in the files' order, so the report, the hashes and the warnings are those of writing
            // one after another; after a failure the other files written are still recorded, then the first is thrown
            Exception failure = null;
            for (Map.Entry<String, String> e : produced.entrySet()) {
                String path = e.getKey();
                Written w;
                try {
                    w = writes.result(path, e.getValue());
                } catch (IOException | RuntimeException ex) {
                    if (failure == null) {
                        failure = ex;
                    }
                    continue;
                }
                if (w.handEdit()) {
                    diagnostics.add(Diagnostic.warning("overwrote a hand edit of " + path, path));
                }
                hashes.put(path, w.hash());
                (w.changed() ? written : unchanged).add(path);
                progress.step(1);
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            for (Map.Entry<String, String> e : new TreeMap<>(recorded).entrySet()) {
                String path = e.getKey();
                if (produced.containsKey(path)) {
                    continue;
                }
                if (anyFailed) {
                    hashes.put(path, e.getValue());
                    continue;
                }
                removeStale(path, e.getValue(), stamps, removed, diagnostics);
            }
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("writing generated files failed: " + e.getMessage(), e);
        } finally {
            writes.close();
            if (!complete) {
                Map<String, String> merged = new TreeMap<>(recorded);
                merged.putAll(hashes);
                hashes = merged;
            }
            state.saveFileHashes(hashes);
            stamps.save(hashes.keySet());
            writes.saved = hashes;
        }
        written.sort(null);
        unchanged.sort(null);
        removed.sort(null);
        return new GenerationReport(written, unchanged, removed, diagnostics);
    }

    /**
     * The writing of generated files: on up to {@code writers} threads, each file started as soon as its generator has
     * given it (with one writer: written when its result is asked for, on the calling thread).
     */
    private final class Writes {
        final Map<String, String> recorded;
        final FileStamps stamps;
        private final ExecutorService pool;
        private final Map<String, Future<Written>> started = new LinkedHashMap<>();
        /** The file hashes recorded once all files were written. */
        Map<String, String> saved = Map.of();

        Writes(Map<String, String> recorded, FileStamps stamps, int writers) {
            this.recorded = recorded;
            this.stamps = stamps;
            this.pool = writers > 1 ? Executors.newFixedThreadPool(writers, daemonThreads("file-writer")) : null;
        }

        void start(String path, String content) {
            if (pool != null) {
                started.put(path, pool.submit(() -> writeIfChanged(path, content, recorded.get(path), stamps)));
            }
        }

        /** @return what writing the file did: waits for a started write, or writes it now */
        Written result(String path, String content) throws IOException {
            Future<Written> f = started.get(path);
            return f != null ? await(f, "writing generated files") : writeIfChanged(path, content, recorded.get(path), stamps);
        }

        /** Cancels the writes not yet begun, waits for the others and records the files they wrote. */
        void abandon() {
            close();
            Map<String, String> hashes = new TreeMap<>(recorded);
            started.forEach((path, f) -> {
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        hashes.put(path, f.get().hash());
                    } catch (ExecutionException | InterruptedException | RuntimeException e) {
                        // not written: the recorded hash stays
                    }
                }
            });
            state.saveFileHashes(hashes);
            stamps.save(hashes.keySet());
        }

        /** Stops the writer threads; waits for writes under way, so that each file is whole and known to be written. */
        void close() {
            if (pool == null) {
                return;
            }
            pool.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What writing one file did: its content's hash, whether it was written, whether that overwrote a hand edit. */
    private record Written(String hash, boolean changed, boolean handEdit) {}

    /**
     * Writes a file unless it already has this content, told by its hash: the recorded one when its size and
     * modification time are unchanged, else read back. Runs on a writer thread: each file is forced to disk on its
     * own, and forces made at the same time are committed by the file system together.
     */
    private Written writeIfChanged(String path, String content, String recordedHash, FileStamps stamps) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = FileHashes.sha256(bytes);
        Path target = workspace.resolve(path);
        String onDisk = stamps.hash(path, target);
        if (onDisk.equals(hash)) {
            return new Written(hash, false, false);
        }
        boolean handEdit = !onDisk.isEmpty() && recordedHash != null && !onDisk.equals(recordedHash);
        AtomicFiles.write(target, bytes, path.endsWith(".sh") ? AtomicFiles.EXECUTABLE : AtomicFiles.READABLE);
        stamps.record(path, target, hash);
        return new Written(hash, true, handEdit);
    }

    private void removeStale(String path, String recordedHash, FileStamps stamps, List<String> removed,
                             List<Diagnostic> diagnostics) throws IOException {
        Path target;
        try {
            target = workspace.resolve(path);
        } catch (IllegalArgumentException e) {
            return;
        }
        String onDisk = stamps.hash(path, target);
        if (onDisk.isEmpty()) {
            return;
        }
        if (!onDisk.equals(recordedHash)) {
            diagnostics.add(Diagnostic.warning("kept " + path + ": no generator produces it any more, but it was edited by hand", path));
            return;
        }
        Files.delete(target);
        stamps.forget(path);
        removed.add(path);
        removeEmptyParents(target.getParent());
    }

    private void removeEmptyParents(Path dir) throws IOException {
        Path root = workspace.root();
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    /**
     * @return project-relative paths whose content on disk differs from the recorded hash, sorted; a file whose size
     *         and modification time are those recorded in the machine-local cache (and not racy) is not read
     */
    public List<String> editedFiles() {
        Map<String, String> recorded = new TreeMap<>(state.fileHashes());
        FileStamps stamps = stamps();
        // the files are looked at on several threads (each look is a system call or a read); the order is the paths'
        List<String> edited = recorded.entrySet().parallelStream().filter(e -> {
            try {
                String onDisk = stamps.hash(e.getKey(), workspace.resolve(e.getKey()));
                return !onDisk.isEmpty() && !onDisk.equals(e.getValue());
            } catch (IOException | IllegalArgumentException ex) {
                LOG.warn("cannot read generated file {}", e.getKey(), ex);
                return false;
            }
        }).map(Map.Entry::getKey).toList();
        stamps.save(recorded.keySet());
        return new ArrayList<>(edited);
    }

    private FileStamps stamps() {
        return FileStamps.load(workspace.cacheDir().resolve(FileStamps.FILE_NAME));
    }

    /** Runs one generator; what it throws (short of a VM error other than a linkage error) becomes its outcome. */
    private static Outcome generate(Generator generator, GenerationRequest request) {
        try {
            return new Outcome(generator.generate(request), null);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(null, e);
        }
    }

    private static Outcome withLoader(ClassLoader loader, Supplier<Outcome> task) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return task.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /**
     * @return the task's result; what it threw is thrown as it is (an error, an unchecked exception, an I/O failure)
     * @param doing what the task does, for the message when the waiting thread is interrupted
     */
    private static <T> T await(Future<T> future, String doing) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + doing);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return await(future, "generating files");
        } catch (IOException e) { // a generator's task throws no checked exception
            throw new UncheckedIOException(e);
        }
    }

    /** @return daemon threads named {@code prefix-N}, so that a stuck generator or write never keeps the JVM alive */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String safeId(Generator generator) {
        try {
            return generator.id();
        } catch (RuntimeException e) {
            return generator.getClass().getName();
        }
    }
}
