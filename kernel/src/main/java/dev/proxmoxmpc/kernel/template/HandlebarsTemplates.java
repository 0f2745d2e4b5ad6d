package dev.proxmoxmpc.kernel.template;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.FieldValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel's {@link TemplateRenderer}: Handlebars without HTML escaping and without custom helpers; map,
 * bean, method and field resolvers (records resolve by accessor name). A template {@code <name>.hbs} comes from
 * the project's {@code .proxmox/templates/} when present there, else from {@code templates/<name>.hbs} on the
 * owner's class loader. Compiled templates are cached (an override is recompiled when its file changes).
 * Thread-safe.
 */
public final class HandlebarsTemplates implements TemplateRenderer {
    private final Handlebars handlebars = new Handlebars().with(EscapingStrategy.NOOP);
    private final Path overrides;
    private final Map<Key, Template> cache = new ConcurrentHashMap<>();

    /** @param overrides the project's template folder ({@code .proxmox/templates}); it need not exist */
    public HandlebarsTemplates(Path overrides) {
        this.overrides = overrides;
    }

    /** {@code version} is the override's modification time and size ({@code ""} for a bundled template). */
    private record Key(ClassLoader loader, String name, String source, String version) {}

    @Override
    public String render(Class<?> owner, String template, Object model) {
        Template compiled = compiled(owner, template);
        Context ctx = Context.newBuilder(model)
                .resolver(MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE, MethodValueResolver.INSTANCE,
                        FieldValueResolver.INSTANCE)
                .build();
        try {
            return compiled.apply(ctx);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("template " + template + " does not render: " + e.getMessage(), e);
        } finally {
            ctx.destroy();
        }
    }

    private Template compiled(Class<?> owner, String template) {
        Path override = overrides.resolve(template + ".hbs").normalize();
        boolean useOverride = override.startsWith(overrides) && Files.isRegularFile(override);
        Key key = new Key(owner.getClassLoader(), template, useOverride ? override.toString() : "",
                useOverride ? version(override) : "");
        return cache.computeIfAbsent(key, k -> compile(template, useOverride ? read(override) : read(owner, template)));
    }

    private Template compile(String template, String source) {
        try {
            return handlebars.compileInline(source);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("template " + template + " does not parse: " + e.getMessage(), e);
        }
    }

    private static String read(Class<?> owner, String template) {
        ClassLoader loader = owner.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream("templates/" + template + ".hbs")) {
            if (in == null) {
                throw new IllegalArgumentException("no template " + template + " (templates/" + template + ".hbs)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file's modification time (full precision) and size: a rewrite changes at least one of them. */
    private static String version(Path file) {
        try {
            return Files.getLastModifiedTime(file) + "/" + Files.size(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
